/* ent-document.c — reading a file into the text Entente stores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ent-document-private.h"
#include "ent-text.h"

/* Binary detection looks at this much of the start of a file. */
#define SNIFF_BYTES (64 * 1024)

G_DEFINE_QUARK (ent-document-error-quark, ent_document_error)

static const struct {
  const char        *extension;
  EntDocumentFormat  format;
} extensions[] = {
  { ".txt", ENT_DOCUMENT_FORMAT_TEXT },
  { ".text", ENT_DOCUMENT_FORMAT_TEXT },
  { ".md", ENT_DOCUMENT_FORMAT_MARKDOWN },
  { ".markdown", ENT_DOCUMENT_FORMAT_MARKDOWN },
  { ".html", ENT_DOCUMENT_FORMAT_HTML },
  { ".htm", ENT_DOCUMENT_FORMAT_HTML },
  { ".xhtml", ENT_DOCUMENT_FORMAT_HTML },
  { ".pdf", ENT_DOCUMENT_FORMAT_PDF },
};

void
ent_document_parts_clear (EntDocumentParts *parts)
{
  if (parts->text != NULL)
    g_string_free (parts->text, TRUE);
  parts->text = NULL;
  g_clear_pointer (&parts->title, g_free);
  g_clear_pointer (&parts->date, g_free);
  g_clear_pointer (&parts->source, g_free);
  g_clear_pointer (&parts->warnings, g_ptr_array_unref);
}

void
ent_document_parts_warn (EntDocumentParts *parts,
                         const char       *format,
                         ...)
{
  va_list args;

  if (parts->warnings == NULL)
    parts->warnings = g_ptr_array_new_with_free_func (g_free);
  va_start (args, format);
  g_ptr_array_add (parts->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The reader's warnings as a NULL-terminated array, or NULL. */
static char **
steal_warnings (EntDocumentParts *parts)
{
  if (parts->warnings == NULL || parts->warnings->len == 0)
    return NULL;
  g_ptr_array_add (parts->warnings, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&parts->warnings), FALSE);
}

static gboolean
format_for_path (const char        *path,
                 EntDocumentFormat *format)
{
  const char *dot = strrchr (path, '.');

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_ascii_strcasecmp (dot, extensions[i].extension) == 0)
      {
        *format = extensions[i].format;
        return TRUE;
      }
  return FALSE;
}

gboolean
ent_document_is_supported_path (const char *path)
{
  EntDocumentFormat format;

  g_return_val_if_fail (path != NULL, FALSE);

  return format_for_path (path, &format);
}

/* ------------------------------------------------------------------ */
/* Reading the file                                                     */
/* ------------------------------------------------------------------ */

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_autofree char *reason = NULL;

  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_NOT_FOUND,
                           "no such file");
      return;
    case EACCES:
    case EPERM:
      g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_UNREADABLE,
                           "permission denied");
      return;
    case EISDIR:
      g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_UNREADABLE,
                           "is a directory, not a file");
      return;
    default:
      reason = g_ascii_strdown (g_strerror (saved_errno), -1);
      g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_UNREADABLE, reason);
      return;
    }
}

static gboolean
check_stat (const GStatBuf  *st,
            GError         **error)
{
  if (S_ISDIR (st->st_mode))
    {
      g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_UNREADABLE,
                           "is a directory, not a file");
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      /* A FIFO or a device would block or never end. */
      g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_UNREADABLE,
                           "not a regular file");
      return FALSE;
    }
  if ((guint64) st->st_size > ENT_DOCUMENT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size_full ((guint64) st->st_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_TOO_LARGE,
                   "too large (%s, the limit is %u MiB)", size,
                   ENT_DOCUMENT_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

static GBytes *
read_fd (int      fd,
         gsize    size,
         GError **error)
{
  g_autofree char *buffer = g_malloc (size + 1);
  gsize done = 0;

  while (done < size)
    {
      gssize n = read (fd, buffer + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno);
          return NULL;
        }
      if (n == 0)
        break; /* shrank while we read: take what is there */
      done += (gsize) n;
    }
  return g_bytes_new_take (g_steal_pointer (&buffer), done);
}

static GBytes *
read_file (const char  *path,
           GError     **error)
{
  GStatBuf st;
  GBytes *bytes;
  int fd;

  /* stat first: a missing file, a directory or a huge file is refused
   * before anything is opened or read. */
  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (!check_stat (&st, error))
    return NULL;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  /* Again on what was opened: the path may have changed in between. */
  if (fstat (fd, &st) != 0 || !check_stat (&st, error))
    {
      if (error != NULL && *error == NULL)
        set_errno_error (error, errno);
      close (fd);
      return NULL;
    }

  bytes = read_fd (fd, (gsize) st.st_size, error);
  close (fd);
  return bytes;
}

/* ------------------------------------------------------------------ */
/* Decoding                                                             */
/* ------------------------------------------------------------------ */

static gboolean
looks_binary (const guchar *data,
              gsize         length)
{
  gsize n = MIN (length, SNIFF_BYTES);
  gsize controls = 0;

  if (memchr (data, '\0', n) != NULL)
    return TRUE;
  for (gsize i = 0; i < n; i++)
    if ((data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r' &&
         data[i] != '\f' && data[i] != '\v') || data[i] == 0x7f)
      controls++;
  return n > 0 && controls * 4 > n;
}

/* Like g_utf8_validate_len(), but a NUL byte (dropped later) is no error;
 * returns the offset of the first bad sequence, or @length. */
static gsize
utf8_invalid_offset (const char *data,
                     gsize       length)
{
  gsize pos = 0;

  while (pos < length)
    {
      const char *end;

      if (g_utf8_validate_len (data + pos, length - pos, &end))
        return length;
      pos = end - data;
      if (data[pos] != '\0')
        return pos;
      pos++;
    }
  return length;
}

static gboolean
convert_from (const guchar  *data,
              gsize          length,
              gsize          bom,
              const char    *charset,
              const char    *name,
              char         **out,
              gsize         *out_length,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize read = 0;

  *out = g_convert ((const char *) data + bom, length - bom, "UTF-8", charset,
                    &read, out_length, &local_error);
  /* A partial character at the end is dropped silently by g_convert(). */
  if (*out != NULL && read == length - bom)
    return TRUE;
  g_clear_pointer (out, g_free);

  g_set_error (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_ENCODING,
               "not valid %s (byte %" G_GSIZE_FORMAT ")", name, read + bom);
  return FALSE;
}

/* The charset an HTML page declares in its first bytes, or NULL. */
static char *
html_declared_charset (const guchar *data,
                       gsize         length)
{
  g_autofree char *head = g_ascii_strdown ((const char *) data, MIN (length, 4096));
  const char *p = strstr (head, "charset=");
  gsize n = 0;

  if (p == NULL)
    return NULL;
  p += strlen ("charset=");
  while (*p == '"' || *p == '\'' || *p == ' ')
    p++;
  while (g_ascii_isalnum (p[n]) || p[n] == '-' || p[n] == '_' || p[n] == ':' || p[n] == '.')
    n++;
  return n > 0 ? g_strndup (p, n) : NULL;
}

/* Turns the bytes of a text, Markdown or HTML file into UTF-8. Sets *out to a
 * converted copy, or leaves it NULL when @data is UTF-8 already, in which case
 * *offset says where the text starts (after a byte order mark). */
static gboolean
decode (const guchar       *data,
        gsize               length,
        EntDocumentFormat   format,
        char              **out,
        gsize              *out_length,
        gsize              *offset,
        GError            **error)
{
  gsize bad;

  *out = NULL;
  *offset = 0;
  if (length >= 4 && memcmp (data, "\xFF\xFE\0\0", 4) == 0)
    return convert_from (data, length, 4, "UTF-32LE", "UTF-32", out, out_length, error);
  if (length >= 4 && memcmp (data, "\0\0\xFE\xFF", 4) == 0)
    return convert_from (data, length, 4, "UTF-32BE", "UTF-32", out, out_length, error);
  if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    return convert_from (data, length, 2, "UTF-16LE", "UTF-16", out, out_length, error);
  if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    return convert_from (data, length, 2, "UTF-16BE", "UTF-16", out, out_length, error);

  if (looks_binary (data, length))
    {
      g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_BINARY,
                           "binary file");
      return FALSE;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    *offset = 3;
  bad = utf8_invalid_offset ((const char *) data + *offset, length - *offset);
  if (bad == length - *offset)
    {
      *out_length = length - *offset;
      return TRUE;
    }

  if (format == ENT_DOCUMENT_FORMAT_HTML)
    {
      /* Older pages declare a legacy charset: honour it. */
      g_autofree char *charset = html_declared_charset (data, length);

      if (charset != NULL && strcmp (charset, "utf-8") != 0 && strcmp (charset, "utf8") != 0)
        return convert_from (data, length, 0, charset, "text in its declared charset",
                             out, out_length, error);
    }

  g_set_error (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_ENCODING,
               "not valid UTF-8 (byte %" G_GSIZE_FORMAT ")", bad + *offset);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Assembling a document                                                */
/* ------------------------------------------------------------------ */

static gboolean
is_all_blank (const char *text,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static gsize
count_chars (const char *text,
             gsize       length)
{
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    n += ((guchar) text[i] & 0xC0) != 0x80;
  return n;
}

static char *
title_from_path (const char *path)
{
  g_autofree char *base = NULL;
  char *dot;

  if (path == NULL)
    return g_strdup ("Untitled");
  base = g_filename_display_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot > base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* Reads the format-specific parts of the document. A plain text comes back
 * normalised in *@plain; the other formats leave their text in parts->text. */
static gboolean
read_parts (GBytes             *bytes,
            EntDocumentFormat   format,
            EntDocumentParts   *parts,
            char              **plain,
            gsize              *plain_length,
            GError            **error)
{
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);
  g_autofree char *converted = NULL;
  g_autofree char *normal = NULL;
  const char *utf8;
  gsize utf8_length, offset, normal_length;

  if (format == ENT_DOCUMENT_FORMAT_PDF)
    return ent_document_read_pdf (bytes, parts, error);

  if (data == NULL)
    data = (const guchar *) ""; /* an empty GBytes */
  if (!decode (data, length, format, &converted, &utf8_length, &offset, error))
    return FALSE;
  utf8 = converted != NULL ? converted : (const char *) data + offset;

  if (format == ENT_DOCUMENT_FORMAT_HTML)
    return ent_document_read_html (utf8, utf8_length, parts, error);

  normal = ent_text_normalize (utf8, utf8_length, &normal_length);
  if (format == ENT_DOCUMENT_FORMAT_MARKDOWN)
    {
      ent_document_read_markdown (normal, normal_length, parts);
      return TRUE;
    }

  *plain = g_steal_pointer (&normal);
  *plain_length = normal_length;
  return TRUE;
}

/* Drops leading and trailing blank space in place. */
static char *
trim_text (char  *text,
           gsize *length)
{
  gsize start = 0;
  gsize end = *length;

  while (start < end && g_ascii_isspace (text[start]))
    start++;
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;
  if (start > 0)
    memmove (text, text + start, end - start);
  text[end - start] = '\0';
  *length = end - start;
  return text;
}

static EntDocument *
document_new (GBytes             *bytes,
              EntDocumentFormat   format,
              const char         *path,
              GError            **error)
{
  g_auto(EntDocumentParts) parts = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(EntDocument) document = NULL;
  char *text = NULL;
  gsize length = 0;

  if (!read_parts (bytes, format, &parts, &text, &length, error))
    return NULL;
  if (text == NULL)
    text = ent_text_normalize (parts.text->str, parts.text->len, &length);

  document = g_new0 (EntDocument, 1);
  document->path = g_strdup (path);
  document->format = format;
  document->text = trim_text (text, &length);
  document->length = length;
  if (is_all_blank (document->text, document->length))
    {
      /* Nothing was read before the reader had to stop: say why. */
      if (parts.warnings != NULL && parts.warnings->len > 0)
        g_set_error (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_MALFORMED,
                     "no text before: %s", (const char *) g_ptr_array_index (parts.warnings, 0));
      else
        g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_EMPTY,
                             "empty document");
      return NULL;
    }
  document->warnings = steal_warnings (&parts);

  document->title = g_steal_pointer (&parts.title);
  if (document->title == NULL)
    document->title = ent_document_text_title (document->text, document->length);
  if (document->title == NULL)
    document->title = title_from_path (path);
  document->date = g_steal_pointer (&parts.date);
  if (document->date == NULL)
    document->date = ent_document_text_date (document->text, document->length);
  document->source = g_steal_pointer (&parts.source);
  if (document->source == NULL)
    document->source = ent_document_text_source (document->text, document->length);

  document->n_chars = count_chars (document->text, document->length);
  document->hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                (const guchar *) document->text,
                                                document->length);
  return g_steal_pointer (&document);
}

EntDocument *
ent_document_load (const char  *path,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *absolute = NULL;
  EntDocumentFormat format;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!format_for_path (path, &format))
    {
      const char *dot = strrchr (path, '.');

      if (dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL)
        {
          g_autofree char *ext = g_utf8_make_valid (dot, -1);

          g_set_error (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_UNSUPPORTED,
                       "unsupported file type “%s”", ext);
        }
      else
        g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_UNSUPPORTED,
                             "unsupported file type (no extension)");
      return NULL;
    }

  bytes = read_file (path, error);
  if (bytes == NULL)
    return NULL;

  absolute = g_canonicalize_filename (path, NULL);
  return document_new (bytes, format, absolute, error);
}

EntDocument *
ent_document_new_from_text (const char         *text,
                            gssize              length,
                            EntDocumentFormat   format,
                            const char         *path,
                            GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if ((gsize) length > ENT_DOCUMENT_MAX_BYTES)
    {
      g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_TOO_LARGE,
                           "too large");
      return NULL;
    }

  bytes = g_bytes_new (text, length);
  return document_new (bytes, format, path, error);
}

void
ent_document_free (EntDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->path);
  g_free (document->title);
  g_free (document->date);
  g_free (document->source);
  g_free (document->text);
  g_free (document->hash);
  g_strfreev (document->warnings);
  g_free (document);
}
