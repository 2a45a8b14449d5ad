#!/usr/bin/env python3
"""Builds countries.tsv from Debian's iso-codes (iso_3166-1.json) and the
hand-written countries-extra.tsv (demonyms, capitals, news names).

usage: gen-countries.py ISO_3166_1_JSON COUNTRIES_EXTRA_TSV OUTPUT

Fails, naming the file and line, when countries-extra.tsv is malformed or
when one folded phrase would stand for two countries: the extractor looks
phrases up folded, so such a clash would silently pick one of them.
"""
import json
import re
import sys
import unicodedata

COLUMNS = ['code', 'name', 'official_name', 'aliases', 'demonyms',
           'capital', 'capital_aliases', 'metonyms']
EXTRA_COLUMNS = ['code', 'name', 'aliases', 'demonyms', 'capital',
                 'capital_aliases', 'metonyms']
LIST_COLUMNS = ['aliases', 'demonyms', 'capital_aliases', 'metonyms']

# The lexical kind each column gives a phrase (as the loader sees it).
KIND = {'name': 'country', 'official_name': 'country', 'aliases': 'country',
        'demonyms': 'demonym', 'capital': 'capital',
        'capital_aliases': 'capital', 'metonyms': 'metonym'}

# Characters that never occur inside a phrase the tokenizer can match.
FORBIDDEN = re.compile(r'[,;:()\[\]{}/"\t]')

APOSTROPHES_AND_DOTS = {'.', "'", '\u2019', '\u2018', '\u02bc'}
DASHES = {'-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212'}


class Invalid(Exception):
    pass


def fold(phrase):
    """The key the loader compares phrases by (ent_name_key in C): lower
    case, diacritics dropped, dots and apostrophes dropped, runs of spaces
    and dashes as one space."""
    out = []
    pending_space = False
    for c in phrase:
        if c.isspace() or c in DASHES:
            pending_space = bool(out)
            continue
        if c in APOSTROPHES_AND_DOTS:
            continue
        if pending_space:
            out.append(' ')
        pending_space = False
        if ord(c) < 0x80:
            out.append(c.lower())
            continue
        base = unicodedata.normalize('NFD', c)[0]
        out.append(base.lower() if ord(base) < 0x80 else c.lower())
    return ''.join(out)


def split(field):
    return [x.strip() for x in field.split('|') if x.strip()]


def check_phrase(phrase, where):
    if phrase != phrase.strip():
        raise Invalid(f'{where}: “{phrase}” has spaces around it')
    if FORBIDDEN.search(phrase):
        raise Invalid(f'{where}: “{phrase}” holds a character no phrase can match')
    if not fold(phrase):
        raise Invalid(f'{where}: “{phrase}” is empty once folded')


def check_list(field, where):
    if field == '':
        return
    items = field.split('|')
    for item in items:
        if item.strip() == '':
            raise Invalid(f'{where}: empty item in “{field}”')
        check_phrase(item, where)


def read_extra(path, known):
    extra = {}
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            where = f'{path}:{number}'
            line = line.rstrip('\n')
            if line.endswith('\r'):
                raise Invalid(f'{where}: carriage return (DOS line ending)')
            if not line.strip() or line.startswith('#'):
                continue
            fields = line.split('\t')
            if len(fields) != len(EXTRA_COLUMNS):
                raise Invalid(f'{where}: {len(fields)} columns, expected {len(EXTRA_COLUMNS)}')
            row = dict(zip(EXTRA_COLUMNS, fields))
            code = row['code']
            if not re.fullmatch(r'[A-Z]{2}', code):
                raise Invalid(f'{where}: “{code}” is not an alpha-2 code')
            if code not in known:
                raise Invalid(f'{where}: {code} is not an ISO 3166-1 code')
            if code in extra:
                raise Invalid(f'{where}: {code} already given on line {extra[code]["line"]}')
            for column in ('name', 'capital'):
                if row[column]:
                    check_phrase(row[column], f'{where}: {column}')
            for column in LIST_COLUMNS:
                check_list(row[column], f'{where}: {column}')
            if row['capital_aliases'] and not row['capital']:
                raise Invalid(f'{where}: capital aliases without a capital')
            row['line'] = number
            extra[code] = row
    return extra


def usable_iso_name(name):
    """iso-codes' inverted or annotated names ("Korea, Republic of",
    "Holy See (Vatican City State)") are no text's spelling."""
    if name.lower().startswith('the '):
        name = name[4:]
    return '' if FORBIDDEN.search(name) else name


class Claims:
    """Which country each folded phrase stands for, to refuse clashes."""

    def __init__(self):
        self.owner = {}

    def add(self, phrase, code, kind, where):
        key = fold(phrase)
        previous = self.owner.get(key)
        if previous is None:
            self.owner[key] = (code, kind, phrase, where)
            return
        p_code, p_kind, p_phrase, p_where = previous
        if p_code != code:
            raise Invalid(f'{where}: “{phrase}” ({code}) is also “{p_phrase}” of {p_code} ({p_where})')
        # A city state's capital has its name (Singapore, Monaco).
        if p_kind != kind and 'capital' in (p_kind, kind):
            return
        raise Invalid(f'{where}: “{phrase}” repeats “{p_phrase}” of {code} ({p_where})')

    def taken(self, phrase):
        return fold(phrase) in self.owner

    def owner_of(self, phrase):
        previous = self.owner.get(fold(phrase))
        return previous[0] if previous else None


def build_rows(countries, extra, extra_path):
    claims = Claims()
    rows = []
    by_code = {c['alpha_2']: c for c in countries}

    # Explicit phrases first: they win over the names iso-codes adds.
    for code in sorted(by_code):
        e = extra.get(code)
        if e is None:
            continue
        where = f'{extra_path}:{e["line"]}'
        if e['name']:
            claims.add(e['name'], code, 'country', where)
        for column in ('aliases', 'demonyms', 'capital_aliases', 'metonyms'):
            for phrase in split(e[column]):
                claims.add(phrase, code, KIND[column], where)
        if e['capital']:
            claims.add(e['capital'], code, 'capital', where)

    for code in sorted(by_code):
        c = by_code[code]
        e = extra.get(code, {})
        iso_name = c.get('common_name') or c['name']
        name = e.get('name') or iso_name
        if FORBIDDEN.search(name):
            raise Invalid(f'{extra_path}: {code}: iso-codes calls it “{name}”; '
                          'give the name news uses in countries-extra.tsv')
        if not e.get('name'):
            claims.add(name, code, 'country', f'iso-codes {code}')
        official = usable_iso_name(c.get('official_name', ''))
        if official and (fold(official) == fold(name) or claims.owner_of(official) not in (None, code)):
            official = ''
        if official and not claims.taken(official):
            claims.add(official, code, 'country', f'iso-codes {code}')
        aliases = split(e.get('aliases', ''))
        for candidate in (c['name'], c.get('common_name', '')):
            candidate = usable_iso_name(candidate)
            # iso-codes' names give way to an explicit phrase, also one that
            # hands the name to another country ("Congo" is the DRC's).
            if candidate and not claims.taken(candidate):
                claims.add(candidate, code, 'country', f'iso-codes {code}')
                aliases.append(candidate)
        aliases = [a for a in aliases if official == '' or fold(a) != fold(official)]
        rows.append({
            'code': code,
            'name': name,
            'official_name': official,
            'aliases': '|'.join(aliases),
            'demonyms': e.get('demonyms', ''),
            'capital': e.get('capital', ''),
            'capital_aliases': e.get('capital_aliases', ''),
            'metonyms': e.get('metonyms', ''),
        })
    return rows


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    iso_path, extra_path, out_path = sys.argv[1:]
    try:
        with open(iso_path, encoding='utf-8') as f:
            countries = json.load(f)['3166-1']
    except (OSError, ValueError, KeyError) as e:
        sys.exit(f'{iso_path}: cannot read the ISO 3166-1 list: {e}')
    known = {c['alpha_2'] for c in countries}
    try:
        extra = read_extra(extra_path, known)
        rows = build_rows(countries, extra, extra_path)
    except Invalid as e:
        sys.exit(str(e))
    except (OSError, UnicodeDecodeError) as e:
        sys.exit(f'{extra_path}: {e}')

    missing = sorted(known - set(extra))
    if missing:
        # Not fatal: a newer iso-codes may add a territory before we do.
        print(f'{extra_path}: no row for {", ".join(missing)}', file=sys.stderr)

    with open(out_path, 'w', encoding='utf-8') as out:
        out.write('# Generated by gen-countries.py from iso-codes and countries-extra.tsv. Do not edit.\n')
        out.write('#' + '\t'.join(COLUMNS) + '\n')
        for row in rows:
            out.write('\t'.join(row[k] for k in COLUMNS) + '\n')


if __name__ == '__main__':
    main()
