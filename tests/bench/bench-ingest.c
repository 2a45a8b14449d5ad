/* bench-ingest.c — how fast Entente reads news, and whether memory stays flat.
 *
 * Writes a synthetic corpus (ENTENTE_BENCH_MB megabytes of text, 100 by
 * default) of distinct articles about diplomacy into a temporary folder: a
 * seeded generator draws countries, organisations, invented people (from
 * syllable tables, with offices that recur across articles as in real news),
 * agreements and projects, and fills sentence templates in varying order, as
 * plain text with a dateline, Markdown and HTML. Then it reports:
 *
 * - extraction alone: words per second of ent_extractor_extract() on
 *   documents already in memory;
 * - end to end: words per second of ent_ingest_paths() from the files into a
 *   fresh project on disk, and the size of that project;
 * - peak memory (maxrss) of an ingestion of a tenth of the corpus and of the
 *   whole of it, each in a child process of its own (the program re-executes
 *   itself), to show memory does not grow with the corpus.
 *
 * ENTENTE_BENCH_KEEP=1 keeps the corpus and the projects afterwards.
 *
 * Targets on one core: 1,000,000 words/s extraction, 300,000 words/s end to
 * end. The benchmark prints figures; it does not fail on them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-ingest"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "ent-document.h"
#include "ent-extractor.h"
#include "ent-ingest.h"
#include "ent-lexicon.h"
#include "ent-store.h"
#include "../test-util.h"

#define CHILD_FLAG        "--ingest-child"
#define PART_BYTES        (1024 * 1024)  /* one folder per megabyte of text */
#define N_PEOPLE          4000           /* the recurring cast of officials */
#define EXTRACTION_TARGET 1000000.0
#define END_TO_END_TARGET 300000.0

/* ---------------------------------------------------------------------- */
/* Tables the generator draws from                                         */

typedef struct {
  const char *name;
  const char *demonym;
  const char *capital;
  const char *city;
} Country;

static const Country countries[] = {
  { "Kazakhstan", "Kazakh", "Astana", "Almaty" },
  { "Uzbekistan", "Uzbek", "Tashkent", "Samarkand" },
  { "Kyrgyzstan", "Kyrgyz", "Bishkek", "Osh" },
  { "Turkey", "Turkish", "Ankara", "Istanbul" },
  { "Azerbaijan", "Azerbaijani", "Baku", "Ganja" },
  { "Georgia", "Georgian", "Tbilisi", "Batumi" },
  { "Armenia", "Armenian", "Yerevan", "Gyumri" },
  { "Russia", "Russian", "Moscow", "Kazan" },
  { "China", "Chinese", "Beijing", "Shanghai" },
  { "India", "Indian", "New Delhi", "Mumbai" },
  { "Pakistan", "Pakistani", "Islamabad", "Karachi" },
  { "Japan", "Japanese", "Tokyo", "Osaka" },
  { "South Korea", "South Korean", "Seoul", "Busan" },
  { "Indonesia", "Indonesian", "Jakarta", "Surabaya" },
  { "Vietnam", "Vietnamese", "Hanoi", "Da Nang" },
  { "Malaysia", "Malaysian", "Kuala Lumpur", "Penang" },
  { "Egypt", "Egyptian", "Cairo", "Alexandria" },
  { "Saudi Arabia", "Saudi", "Riyadh", "Jeddah" },
  { "Qatar", "Qatari", "Doha", "Al Khor" },
  { "Kenya", "Kenyan", "Nairobi", "Mombasa" },
  { "Ethiopia", "Ethiopian", "Addis Ababa", "Dire Dawa" },
  { "Nigeria", "Nigerian", "Abuja", "Lagos" },
  { "South Africa", "South African", "Pretoria", "Durban" },
  { "Senegal", "Senegalese", "Dakar", "Thies" },
  { "Brazil", "Brazilian", "Brasilia", "Sao Paulo" },
  { "Mexico", "Mexican", "Mexico City", "Monterrey" },
  { "Argentina", "Argentine", "Buenos Aires", "Cordoba" },
  { "France", "French", "Paris", "Marseille" },
  { "Germany", "German", "Berlin", "Hamburg" },
  { "Poland", "Polish", "Warsaw", "Gdansk" },
  { "Hungary", "Hungarian", "Budapest", "Debrecen" },
  { "Serbia", "Serbian", "Belgrade", "Novi Sad" },
  { "Italy", "Italian", "Rome", "Milan" },
  { "Spain", "Spanish", "Madrid", "Barcelona" },
  { "Australia", "Australian", "Canberra", "Sydney" },
  { "Canada", "Canadian", "Ottawa", "Toronto" },
  { "the United States", "American", "Washington", "New York" },
  { "the United Kingdom", "British", "London", "Manchester" },
  { "Mongolia", "Mongolian", "Ulaanbaatar", "Darkhan" },
  { "Tajikistan", "Tajik", "Dushanbe", "Khujand" },
};

typedef struct {
  const char *name;
  const char *acronym;
} Organization;

static const Organization organizations[] = {
  { "Shanghai Cooperation Organization", "SCO" },
  { "Eurasian Economic Union", "EAEU" },
  { "Association of Southeast Asian Nations", "ASEAN" },
  { "African Union", "AU" },
  { "European Union", "EU" },
  { "Organization of Turkic States", "OTS" },
  { "Gulf Cooperation Council", "GCC" },
  { "North Atlantic Treaty Organization", "NATO" },
  { "Collective Security Treaty Organization", "CSTO" },
  { "Economic Cooperation Organization", "ECO" },
  { "Asian Development Bank", "ADB" },
  { "New Development Bank", "NDB" },
  { "Organization of Islamic Cooperation", "OIC" },
  { "Commonwealth of Independent States", "CIS" },
  { "Economic Community of West African States", "ECOWAS" },
};

static const char *offices[] = {
  "President", "Prime Minister", "Foreign Minister", "Vice President",
  "Minister of Trade", "Defence Minister", "Minister of Energy", "Speaker of Parliament",
};

static const char *given_syllables[] = {
  "A", "Ba", "Da", "E", "Fa", "Ga", "Ha", "I", "Ka", "La", "Ma", "Na", "O", "Ra",
  "Sa", "Ta", "U", "Va", "Ya", "Za", "Bo", "Di", "Le", "Mi", "Nu", "Se", "Ti", "Vi",
};
static const char *given_middles[] = {
  "li", "ra", "mi", "lo", "ser", "dan", "vi", "to", "na", "hel", "zu", "bek",
  "nur", "an", "ti", "gor", "mar", "shan", "ol", "rin", "sul", "dar", "ke", "ma",
};
static const char *given_endings[] = { "n", "r", "a", "o", "m", "", "s", "ya", "el", "ir" };
static const char *surname_starts[] = {
  "Al", "Bar", "Ker", "Dor", "Es", "Fal", "Gul", "Har", "Is", "Jan", "Kal", "Lom",
  "Mor", "Nas", "Or", "Pet", "Ras", "Sar", "Tur", "Ul", "Var", "Yes", "Zar", "Bel",
};
static const char *surname_middles[] = {
  "a", "e", "i", "o", "u", "an", "ek", "im", "ul", "or", "az", "in",
};
static const char *surname_endings[] = {
  "ov", "enko", "ian", "oglu", "ez", "sson", "ski", "ani", "ovic", "ura", "bayev",
  "idze", "escu", "ama", "ado", "ini",
};

static const char *fields[] = {
  "trade", "energy", "transport", "agriculture", "education", "health", "customs",
  "tourism", "banking", "culture", "science", "the digital economy", "mining",
  "water management", "logistics", "pharmaceuticals",
};

static const char *agreement_kinds[] = {
  "roadmap for strategic partnership", "comprehensive cooperation roadmap",
  "joint statement on strategic partnership", "treaty on friendship and cooperation",
  "agreement on mutual protection of investments", "intergovernmental agreement on @",
  "memorandum of understanding on @", "action plan on @ cooperation",
};

/* Each @ takes a capital, or a country's name or demonym when alone. */
static const char *project_kinds[] = {
  "@-@ railway", "@-@ gas pipeline", "@-@ highway", "Trans-@ Corridor",
  "@ Logistics Hub", "@-@ power line",
};

static const char *agencies[] = {
  "Steppe Wire", "Continental Press", "Meridian News", "Daily Ledger", "Orient Report",
  "Capital Bulletin",
};

static const char *weekdays[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
static const char *months[] = { "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec" };
static const char *number_words[] = { "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven" };

static const char *quotes[] = {
  "Our countries are bound by history and by a common future",
  "We do not choose between partners, we add partners",
  "This agreement is not a piece of paper, it is a timetable",
  "Trade between us is far below what our economies can achieve",
  "We will carry out everything we signed today within a year",
  "The region needs railways, not walls",
  "No sanctions can stop two nations that want to work together",
  "We came here to open a new chapter in our relations",
};

/* ---------------------------------------------------------------------- */
/* The generator                                                           */

typedef struct {
  char         *given;
  char         *surname;
  const char   *office;
  guint         country;  /* index into countries */
} Person;

typedef struct {
  GRand   *rand;
  Person  *people;
  guint    n_people;
} Generator;

/* One article's cast: who is mentioned already decides how they are named. */
typedef struct {
  Person   *person;
  gboolean  introduced;
} Role;

typedef struct {
  Generator          *generator;
  GString            *text;
  Role                roles[6];   /* host, guest, two ministers, two others */
  const Country      *c[5];       /* c[0] hosts, c[1] visits, c[2..4] others */
  const Organization *org;
  gboolean            org_introduced;
  char               *agreement;
  char               *project;
  guint               year;
  guint               order[64];     /* the body templates, shuffled */
  guint               next_template;
} Article;

#define PICK(generator, table) ((table)[g_rand_int_range ((generator)->rand, 0, G_N_ELEMENTS (table))])

static char *
make_given_name (Generator *generator)
{
  return g_strconcat (PICK (generator, given_syllables), PICK (generator, given_middles),
                      PICK (generator, given_endings), NULL);
}

static char *
make_surname (Generator *generator)
{
  return g_strconcat (PICK (generator, surname_starts), PICK (generator, surname_middles),
                      PICK (generator, surname_endings), NULL);
}

static void
generator_init (Generator *generator,
                guint32    seed)
{
  generator->rand = g_rand_new_with_seed (seed);
  generator->n_people = N_PEOPLE;
  generator->people = g_new0 (Person, N_PEOPLE);
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      generator->people[i].given = make_given_name (generator);
      generator->people[i].surname = make_surname (generator);
      generator->people[i].office = PICK (generator, offices);
      generator->people[i].country = g_rand_int_range (generator->rand, 0, G_N_ELEMENTS (countries));
    }
}

static void
generator_clear (Generator *generator)
{
  for (guint i = 0; i < generator->n_people; i++)
    {
      g_free (generator->people[i].given);
      g_free (generator->people[i].surname);
    }
  g_free (generator->people);
  g_rand_free (generator->rand);
}

/* A person from the cast of @country with @office, or any one of that
 * country; offices recur across articles the way real office holders do. */
static Person *
pick_person (Generator  *generator,
             guint       country,
             const char *office)
{
  guint start = g_rand_int_range (generator->rand, 0, generator->n_people);

  for (guint i = 0; i < generator->n_people; i++)
    {
      Person *person = &generator->people[(start + i) % generator->n_people];

      if (person->country == country && (office == NULL || g_str_equal (person->office, office)))
        return person;
    }
  return &generator->people[start];
}

static void
append_person (Article *article,
               guint    role)
{
  Role *r = &article->roles[role];
  Person *p = r->person;
  const Country *country = &countries[p->country];
  Generator *generator = article->generator;

  if (!r->introduced)
    {
      r->introduced = TRUE;
      switch (g_rand_int_range (generator->rand, 0, 3))
        {
        case 0:
          g_string_append_printf (article->text, "%s %s %s %s", country->demonym, p->office, p->given, p->surname);
          break;
        case 1:
          g_string_append_printf (article->text, "%s %s, the %s of %s,", p->given, p->surname,
                                  p->office, country->name);
          break;
        default:
          g_string_append_printf (article->text, "%s%s %s, %s %s,", country->name,
                                  g_str_has_suffix (country->name, "s") ? "'" : "'s",
                                  p->office, p->given, p->surname);
          break;
        }
      return;
    }

  switch (g_rand_int_range (generator->rand, 0, 4))
    {
    case 0:
      g_string_append_printf (article->text, "Mr %s", p->surname);
      break;
    case 1:
      g_string_append_printf (article->text, "the %s %s", country->demonym, p->office);
      break;
    default:
      g_string_append (article->text, p->surname);
      break;
    }
}

static void
append_org (Article *article)
{
  if (!article->org_introduced)
    g_string_append_printf (article->text, "the %s (%s)", article->org->name, article->org->acronym);
  else
    g_string_append (article->text, article->org->acronym);
  article->org_introduced = TRUE;
}

/* Expands a template: {0}..{5} people, {c0}..{c4} countries, {d0}..{d4}
 * demonyms, {k0}..{k4} capitals, {y0} cities, {o} the organisation, {a} the
 * agreement, {p} the project, {f} a field, {n} a number, {w} a number word,
 * {q} a quote, {D} a weekday. */
static void
expand (Article    *article,
        const char *template)
{
  Generator *generator = article->generator;
  GString *text = article->text;

  for (const char *t = template; *t != '\0'; t++)
    {
      const char *close;
      char kind, index;

      if (*t != '{' || (close = strchr (t, '}')) == NULL)
        {
          g_string_append_c (text, *t);
          continue;
        }
      kind = t[1];
      index = close - t > 2 ? t[2] - '0' : 0;
      if (kind >= '0' && kind <= '5')
        append_person (article, kind - '0');
      else if (kind == 'c')
        g_string_append (text, article->c[(int) index]->name);
      else if (kind == 'd')
        g_string_append (text, article->c[(int) index]->demonym);
      else if (kind == 'k')
        g_string_append (text, article->c[(int) index]->capital);
      else if (kind == 'y')
        g_string_append (text, article->c[(int) index]->city);
      else if (kind == 'o')
        append_org (article);
      else if (kind == 'a')
        g_string_append (text, article->agreement);
      else if (kind == 'p')
        g_string_append (text, article->project);
      else if (kind == 'f')
        g_string_append (text, PICK (generator, fields));
      else if (kind == 'n')
        g_string_append_printf (text, "%d", g_rand_int_range (generator->rand, 2, 40));
      else if (kind == 'w')
        g_string_append (text, PICK (generator, number_words));
      else if (kind == 'q')
        g_string_append (text, PICK (generator, quotes));
      else if (kind == 'D')
        g_string_append (text, PICK (generator, weekdays));
      t = close;
    }
}

static const char *body_templates[] = {
  "{1} arrived in {k0} on {D} for a {w}-day state visit, the first in {n} years.",
  "{0} and {1} held talks on {f} and {f} before their delegations joined them.",
  "\"{q},\" {0} told a joint news conference after the talks.",
  "\"{q},\" {1} said.",
  "{1} said the {a} would raise bilateral trade to ${n} billion within {w} years.",
  "The two sides also signed {w} memorandums of understanding on {f}, {f} and {f}.",
  "{2} met {3} on the sidelines of the visit and discussed consular cooperation.",
  "{2} and {3} signed a joint statement on {f} and agreed to meet again in {k1}.",
  "{c0} and {c1} are both members of {o}, and the two leaders agreed to coordinate within the bloc.",
  "{0} said {c0} supported the {p}, which would link {c0} with {c2} and {c3}.",
  "{1} called the {p} a priority and said {c1} would finance part of the work.",
  "{1} invited {0} to visit {c1} next year, and the invitation was accepted.",
  "{c2} has imposed sanctions on {c3} over its role in the conflict, a step {0} criticised.",
  "Trade between the two countries reached ${n} billion last year, up {n} per cent.",
  "{0} also met {4}, who said {c0} wanted closer ties with {c1} in {f}.",
  "The {p} is expected to carry {n} million tonnes of cargo a year once it opens.",
  "Earlier, {1} laid a wreath at a monument in {k0} and visited a factory outside {y0}.",
  "{0} and {1} discussed the situation in the region and called for a ceasefire.",
  "Both countries are under sanctions by {c4} and said they would work to blunt their effect.",
  "{1} is a close ally of {5}, and {c1} has long backed {c2} in international forums.",
  "{k0} and {k1} agreed to open trade houses in {y0} and {y1} and to add weekly flights.",
  "Officials said the {a} covers {f}, {f}, {f} and {f}.",
  "{3} said {c1} was ready to share its experience in {f} with {c0}.",
  "The visit comes as {c0} seeks to diversify its partners, analysts said.",
  "{0} thanked {1} for the support of {c1} at {o} and in the United Nations.",
  "{c3} and {c4} also signed the {a} at a ceremony attended by {5}.",
  "Ministers of {f} and of {f} from both countries held a separate meeting.",
  "{4} said the parliaments of {c0} and {c1} would set up a friendship group.",
  "The {a} was signed by {0} and {1} after talks that lasted more than {w} hours.",
  "{0} told reporters that {c0} would never join sanctions against {c1}.",
  "Speaking to students in {y0}, {1} said young people should learn each other's languages.",
  "{2} said the next round of political consultations would be held in {k1} in the autumn.",
  "{c1} is the {w}-largest investor in {c0}, according to official figures.",
  "The two leaders also discussed {o} and agreed that {c1} would support the candidacy of {c0} for a seat on its council.",
  "{5} is expected to visit {k0} later this year, officials said.",
  "A business forum in {k0} brought together {n}0 companies from the two countries.",
  "{3} invited {2} to {k1} for the next meeting of the intergovernmental commission.",
  "{c0} and {c2} signed a separate agreement on {f} last year.",
  "{1} met {4} later in the day and discussed {f}.",
  "According to the {d0} presidency, the talks were held in a friendly atmosphere.",
};

/* Appositions end with a comma; at the end of a sentence or clause the
 * punctuation that follows wins. */
static void
tidy_sentence (GString *text,
               gsize    from)
{
  char *p;

  while ((p = strstr (text->str + from, ",.")) != NULL ||
         (p = strstr (text->str + from, ",,")) != NULL)
    g_string_erase (text, p - text->str, 1);
  /* A later mention ("the Kazakh President") may open the sentence. */
  if (text->str[from] == '"')
    from++;
  text->str[from] = g_ascii_toupper (text->str[from]);
}

static void
append_sentence (Article *article)
{
  gsize from = article->text->len;
  guint index = article->next_template++ % G_N_ELEMENTS (body_templates);

  expand (article, body_templates[article->order[index]]);
  tidy_sentence (article->text, from);
}

static guint
count_words_from (const GString *text,
                  gsize          from)
{
  return ent_store_count_words (text->str + from, text->len - from);
}

/* @pattern with its first @ replaced by @first and the second by @second. */
static char *
fill_pattern (const char *pattern,
              const char *first,
              const char *second)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = pattern; *p != '\0'; p++)
    if (*p == '@')
      g_string_append (out, n++ == 0 ? first : second);
    else
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static char *
make_agreement (Generator *generator)
{
  return fill_pattern (PICK (generator, agreement_kinds), PICK (generator, fields), NULL);
}

static char *
make_project (Generator     *generator,
              const Country *a,
              const Country *b)
{
  const char *kind = PICK (generator, project_kinds);

  if (strchr (kind, '@') != strrchr (kind, '@'))
    return fill_pattern (kind, a->capital, b->capital);
  return fill_pattern (kind, g_rand_boolean (generator->rand) ? a->demonym : a->name, NULL);
}

/* Each article tells its story in its own order, without repeating itself
 * until every template has been used. */
static void
shuffle_templates (Article *article)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (body_templates) <= G_N_ELEMENTS (article->order));

  for (guint i = 0; i < G_N_ELEMENTS (body_templates); i++)
    article->order[i] = i;
  for (guint i = G_N_ELEMENTS (body_templates) - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (article->generator->rand, 0, i + 1);
      guint swap = article->order[i];

      article->order[i] = article->order[j];
      article->order[j] = swap;
    }
}

static void
article_init (Article   *article,
              Generator *generator,
              GString   *text)
{
  guint picked[G_N_ELEMENTS (article->c)];

  memset (article, 0, sizeof *article);
  article->generator = generator;
  article->text = text;
  /* Distinct countries, so nobody visits their own capital. */
  for (guint i = 0; i < G_N_ELEMENTS (article->c); i++)
    {
      guint j;

      do
        {
          picked[i] = g_rand_int_range (generator->rand, 0, G_N_ELEMENTS (countries));
          for (j = 0; j < i && picked[j] != picked[i]; j++)
            ;
        }
      while (j < i);
      article->c[i] = &countries[picked[i]];
    }
  article->roles[0].person = pick_person (generator, picked[0], "President");
  article->roles[1].person = pick_person (generator, picked[1], "President");
  article->roles[2].person = pick_person (generator, picked[0], "Foreign Minister");
  article->roles[3].person = pick_person (generator, picked[1], "Foreign Minister");
  article->roles[4].person = pick_person (generator, picked[0], NULL);
  article->roles[5].person = pick_person (generator, picked[2], NULL);
  article->org = &PICK (generator, organizations);
  article->agreement = make_agreement (generator);
  article->project = make_project (generator, article->c[0], article->c[2]);
  article->year = g_rand_int_range (generator->rand, 2015, 2026);
  shuffle_templates (article);
}

static void
article_clear (Article *article)
{
  g_free (article->agreement);
  g_free (article->project);
}

/* The body: paragraphs of one to three sentences until @target_words. */
static void
append_body (Article    *article,
             guint       target_words,
             const char *paragraph_open,
             const char *paragraph_close)
{
  guint words = 0;

  while (words < target_words)
    {
      guint n = g_rand_int_range (article->generator->rand, 1, 4);
      gsize from = article->text->len;

      g_string_append (article->text, paragraph_open);
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (article->text, ' ');
          append_sentence (article);
        }
      g_string_append (article->text, paragraph_close);
      words += count_words_from (article->text, from);
    }
}

static void
append_lede (Article *article)
{
  gsize from = article->text->len;

  expand (article, "{0} hosted {1} in {k0} on {D}, and the two leaders signed a new {a} "
                   "covering {f} and {f}.");
  tidy_sentence (article->text, from);
}

static void
write_text_article (Article *article,
                    guint    target_words)
{
  Generator *generator = article->generator;

  g_string_append_printf (article->text, "%s, %s %d (%s) - ",
                          article->c[0]->capital, PICK (generator, months),
                          g_rand_int_range (generator->rand, 1, 29), PICK (generator, agencies));
  append_lede (article);
  g_string_append (article->text, "\n\n");
  append_body (article, target_words, "", "\n\n");
}

static char *
make_title (Article *article)
{
  char *title = g_strdup_printf ("%s and %s sign %s", article->c[0]->name,
                                 article->c[1]->name, article->agreement);

  title[0] = g_ascii_toupper (title[0]);
  return title;
}

static void
write_markdown_article (Article *article,
                        guint    target_words)
{
  Generator *generator = article->generator;

  g_autofree char *title = make_title (article);

  g_string_append_printf (article->text, "# %s\n\ndate %u-%02d-%02d\n\n", title, article->year,
                          g_rand_int_range (generator->rand, 1, 13), g_rand_int_range (generator->rand, 1, 29));
  g_string_append_printf (article->text, "**%s** - ", article->c[0]->capital);
  append_lede (article);
  g_string_append (article->text, "\n\n");
  append_body (article, target_words, "", "\n\n");
}

/* HTML around the article: a reader keeps the paragraphs, drops the rest. */
static void
write_html_article (Article *article,
                    guint    target_words)
{
  GString *text = article->text;
  g_autofree char *title = make_title (article);

  g_string_append_printf (text,
                          "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<title>%s</title>\n"
                          "<meta property=\"og:site_name\" content=\"%s\">\n"
                          "<meta property=\"article:published_time\" content=\"%u-%02d-%02dT10:00:00Z\">\n"
                          "<script>window.track = function () { return 1; };</script>\n</head>\n<body>\n"
                          "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/business\">Business</a></nav>\n"
                          "<article>\n<h1>%s</h1>\n<p>",
                          title, PICK (article->generator, agencies), article->year,
                          g_rand_int_range (article->generator->rand, 1, 13),
                          g_rand_int_range (article->generator->rand, 1, 29), title);
  append_lede (article);
  g_string_append (text, "</p>\n");
  append_body (article, target_words, "<p>", "</p>\n");
  g_string_append (text, "</article>\n<footer>All rights reserved.</footer>\n"
                         "<script>window.track ();</script>\n</body>\n</html>\n");
}

static const char *
write_article (Generator *generator,
               GString   *text)
{
  guint target_words = g_rand_int_range (generator->rand, 250, 800);
  guint format = g_rand_int_range (generator->rand, 0, 10);
  Article article;

  g_string_truncate (text, 0);
  article_init (&article, generator, text);
  if (format < 7)
    write_text_article (&article, target_words);
  else if (format < 9)
    write_markdown_article (&article, target_words);
  else
    write_html_article (&article, target_words);
  article_clear (&article);

  return format < 7 ? "txt" : format < 9 ? "md" : "html";
}

/* Writes @megabytes of articles under @dir/part-NNN/; returns the number of parts. */
static guint
generate_corpus (const char *dir,
                 guint       megabytes,
                 guint      *out_articles)
{
  g_autoptr(GString) text = g_string_sized_new (8192);
  guint64 total = 0, part_bytes = PART_BYTES;
  guint part = 0, n = 0;
  g_autofree char *part_dir = NULL;
  Generator generator;

  generator_init (&generator, 20230313);
  while (total < (guint64) megabytes * 1024 * 1024)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      const char *extension;

      if (part_bytes >= PART_BYTES)
        {
          g_free (part_dir);
          part_dir = g_strdup_printf ("%s/part-%03u", dir, part++);
          g_mkdir_with_parents (part_dir, 0700);
          part_bytes = 0;
        }
      extension = write_article (&generator, text);
      path = g_strdup_printf ("%s/article-%06u.%s", part_dir, n++, extension);
      if (!g_file_set_contents (path, text->str, text->len, &error))
        g_error ("Cannot write the corpus: %s", error->message);
      total += text->len;
      part_bytes += text->len;
    }
  generator_clear (&generator);
  *out_articles = n;

  return part;
}

/* ---------------------------------------------------------------------- */
/* Measurements                                                            */

/* CPU seconds of this process: unlike wall time, not inflated by other
 * programs sharing the machine. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static GPtrArray *
part_paths (const char *dir,
            guint       n_parts)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_parts; i++)
    g_ptr_array_add (paths, g_strdup_printf ("%s/part-%03u", dir, i));
  g_ptr_array_add (paths, NULL);

  return paths;
}

static void
measure_extraction (const char *dir,
                    guint       n_parts)
{
  g_autoptr(GPtrArray) parts = part_paths (dir, n_parts);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(EntExtractor) extractor = ent_extractor_new (ent_lexicon_get_default ());
  gint64 extract_usec = 0, load_usec = 0;
  double extract_cpu = 0;
  guint64 words = 0, bytes = 0, entities = 0, relations = 0;
  guint n_errors = 0;

  files = ent_ingest_collect_files ((const char * const *) parts->pdata, NULL, NULL, &n_errors);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(EntDocument) document = NULL;
      g_autoptr(EntExtraction) extraction = NULL;
      gint64 start = g_get_monotonic_time ();

      document = ent_document_load (g_ptr_array_index (files, i), NULL);
      load_usec += g_get_monotonic_time () - start;
      if (document == NULL)
        {
          n_errors++;
          continue;
        }
      start = g_get_monotonic_time ();
      extract_cpu -= cpu_seconds ();
      extraction = ent_extractor_extract (extractor, document);
      extract_cpu += cpu_seconds ();
      extract_usec += g_get_monotonic_time () - start;

      words += ent_store_count_words (document->text, document->length);
      bytes += document->length;
      entities += extraction->entities->len;
      relations += extraction->relations->len;
    }

  printf ("extraction alone: %u documents, %" G_GUINT64_FORMAT " words (%.1f MB of text) in %.2f s\n",
          files->len, words, bytes / 1048576.0, extract_usec / 1e6);
  printf ("  %.0f words/s (target %.0f: %s); %.1f entities and %.1f relations per document\n",
          words / MAX (extract_usec / 1e6, 1e-9), EXTRACTION_TARGET,
          words / MAX (extract_usec / 1e6, 1e-9) >= EXTRACTION_TARGET ? "met" : "NOT met",
          (double) entities / MAX (files->len, 1), (double) relations / MAX (files->len, 1));
  printf ("  %.0f words per CPU second; reading the files (not counted above): %.2f s; "
          "unreadable files: %u\n",
          words / MAX (extract_cpu, 1e-9), load_usec / 1e6, n_errors);
}

typedef struct {
  guint64 words;
  guint   files;
  guint   failed;
  double  seconds;
  double  cpu_seconds;
  long    maxrss_kb;
  gint64  db_bytes;
  guint   entities;
  guint   relations;
} ChildResult;

static void
report_ingest_error (const char   *path,
                     const GError *error,
                     gpointer      user_data)
{
  guint *n = user_data;

  if ((*n)++ < 5)
    fprintf (stderr, "%s: %s\n", path, error->message);
}

/* In the child: ingest the first @n_parts folders of @dir into @db_path and
 * print one line the parent parses. */
static int
run_child (const char *db_path,
           const char *dir,
           guint       n_parts)
{
  g_autoptr(GPtrArray) parts = part_paths (dir, n_parts);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  EntIngestSummary summary = { 0 };
  EntStoreStats stats = { 0 };
  struct rusage usage;
  guint n_errors = 0;
  gint64 start;

  store = ent_store_open (db_path, ENT_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s: %s\n", db_path, error->message);
      return 1;
    }
  start = g_get_monotonic_time ();
  ent_ingest_paths (store, (const char * const *) parts->pdata, NULL, NULL,
                    report_ingest_error, &n_errors, &summary, &error);
  if (error != NULL)
    {
      fprintf (stderr, "ingestion stopped: %s\n", error->message);
      return 1;
    }
  ent_store_get_stats (store, &stats, NULL);
  getrusage (RUSAGE_SELF, &usage);

  printf ("RESULT %" G_GUINT64_FORMAT " %u %u %.6f %.6f %ld %" G_GINT64_FORMAT " %u %u\n",
          summary.words, summary.files, summary.failed,
          (g_get_monotonic_time () - start) / 1e6,
          usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
          usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6,
          usage.ru_maxrss, stats.file_size, stats.entities, stats.relations);
  return 0;
}

static gboolean
spawn_child (const char  *self,
             const char  *db_path,
             const char  *dir,
             guint        n_parts,
             ChildResult *result)
{
  g_autofree char *parts = g_strdup_printf ("%u", n_parts);
  const char *argv[] = { self, CHILD_FLAG, db_path, dir, parts, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     &out, NULL, &status, &error))
    {
      fprintf (stderr, "cannot run the ingestion: %s\n", error->message);
      return FALSE;
    }
  line = out != NULL ? strstr (out, "RESULT ") : NULL;
  if (!g_spawn_check_wait_status (status, NULL) || line == NULL ||
      sscanf (line, "RESULT %" G_GUINT64_FORMAT " %u %u %lf %lf %ld %" G_GINT64_FORMAT " %u %u",
              &result->words, &result->files, &result->failed, &result->seconds,
              &result->cpu_seconds, &result->maxrss_kb, &result->db_bytes,
              &result->entities, &result->relations) != 9)
    {
      fprintf (stderr, "the ingestion of %u MB failed\n", n_parts);
      return FALSE;
    }

  return TRUE;
}

static void
print_child (const char        *label,
             const ChildResult *result)
{
  double rate = result->words / MAX (result->seconds, 1e-9);

  printf ("end to end, %s: %u files (%u failed), %" G_GUINT64_FORMAT " words in %.2f s "
          "(%.2f s of CPU: %.0f words per CPU second)\n",
          label, result->files, result->failed, result->words, result->seconds,
          result->cpu_seconds, result->words / MAX (result->cpu_seconds, 1e-9));
  printf ("  %.0f words/s (target %.0f: %s); peak memory %.1f MB; project %.1f MB "
          "(%u entities, %u relations)\n",
          rate, END_TO_END_TARGET, rate >= END_TO_END_TARGET ? "met" : "NOT met",
          result->maxrss_kb / 1024.0, result->db_bytes / 1048576.0,
          result->entities, result->relations);
}


static guint
bench_megabytes (void)
{
  const char *value = g_getenv ("ENTENTE_BENCH_MB");
  guint64 mb = 100;

  if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 1, 100000, &mb, NULL))
    g_printerr ("ENTENTE_BENCH_MB=%s is not a size in MB; using 100\n", value);

  return value != NULL && mb >= 1 ? (guint) mb : 100;
}

static void
run_ingestion (const char *self,
               const char *tmp,
               const char *corpus,
               guint       n_parts)
{
  guint small_parts = MAX (n_parts / 10, 1);
  g_autofree char *small_db = g_build_filename (tmp, "small.entente", NULL);
  g_autofree char *full_db = g_build_filename (tmp, "full.entente", NULL);
  ChildResult small = { 0 }, full = { 0 };

  if (spawn_child (self, small_db, corpus, small_parts, &small))
    print_child (small_parts == 1 ? "1 MB" : "a tenth of the corpus", &small);
  if (spawn_child (self, full_db, corpus, n_parts, &full))
    print_child ("the whole corpus", &full);
  if (small.maxrss_kb > 0 && full.maxrss_kb > 0)
    printf ("peak memory grows %.2fx for %.1fx the text\n",
            (double) full.maxrss_kb / small.maxrss_kb, (double) full.words / MAX (small.words, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *corpus = NULL;
  guint megabytes, n_parts, n_articles;
  gint64 start;

  if (argc == 5 && g_str_equal (argv[1], CHILD_FLAG))
    return run_child (argv[2], argv[3], (guint) g_ascii_strtoull (argv[4], NULL, 10));

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);
  megabytes = bench_megabytes ();
  tmp = g_dir_make_tmp ("entente-bench-XXXXXX", &error);
  if (tmp == NULL)
    g_error ("%s", error->message);
  corpus = g_build_filename (tmp, "corpus", NULL);

  start = g_get_monotonic_time ();
  n_parts = generate_corpus (corpus, megabytes, &n_articles);
  printf ("corpus: %u articles, %u MB in %u folders, written in %.1f s (seeded: the same every run)\n",
          n_articles, megabytes, n_parts, (g_get_monotonic_time () - start) / 1e6);
  fflush (stdout);

  measure_extraction (corpus, n_parts);
  fflush (stdout);
  run_ingestion (self, tmp, corpus, n_parts);

  /* ENTENTE_BENCH_KEEP=1 leaves the corpus and the projects to look at. */
  if (g_strcmp0 (g_getenv ("ENTENTE_BENCH_KEEP"), "1") == 0)
    printf ("kept in %s\n", tmp);
  else
    test_remove_tree (tmp);
  return 0;
}
