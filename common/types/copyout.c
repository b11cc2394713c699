/*
 * COPY TO's text and CSV writing of one value: CopyAttributeOutText() and
 * CopyAttributeOutCSV() of commands/copyto.c (copy.c before 14).
 */
#include <string.h>

#include "types/copyout.h"

static void
text_value(struct strbuf *out, const char *s, size_t n)
{
	size_t		i;

	for (i = 0; i < n; i++)
	{
		char		c = s[i];
		char		esc = 0;

		switch (c)
		{
			case '\b':
				esc = 'b';
				break;
			case '\f':
				esc = 'f';
				break;
			case '\n':
				esc = 'n';
				break;
			case '\r':
				esc = 'r';
				break;
			case '\t':
				esc = 't';
				break;
			case '\v':
				esc = 'v';
				break;
			case '\\':
				esc = '\\';
				break;
			default:
				break;
		}
		if (esc != 0)
		{
			sb_putc(out, '\\');
			sb_putc(out, esc);
		}
		else
			sb_putc(out, c);
	}
}

static bool
csv_needs_quotes(const char *s, size_t n, int ncols)
{
	size_t		i;

	if (n == 0)					/* it matches the NULL string "" */
		return true;
	if (ncols == 1 && n == 2 && s[0] == '\\' && s[1] == '.')
		return true;			/* the end-of-data marker alone on a line */
	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return true;
	return false;
}

static void
csv_value(struct strbuf *out, const char *s, size_t n, int ncols)
{
	size_t		i;

	if (!csv_needs_quotes(s, n, ncols))
	{
		sb_putn(out, s, n);
		return;
	}
	sb_putc(out, '"');
	for (i = 0; i < n; i++)
	{
		if (s[i] == '"')
			sb_putc(out, '"');
		sb_putc(out, s[i]);
	}
	sb_putc(out, '"');
}

void
copyout_field(struct strbuf *out, enum copyout_format f, int i,
			  const char *s, size_t n, int ncols)
{
	if (i > 0)
		sb_putc(out, f == COPYOUT_CSV ? ',' : '\t');
	if (s == NULL)
	{
		if (f == COPYOUT_TEXT)
			sb_puts(out, "\\N");
		return;
	}
	if (f == COPYOUT_CSV)
		csv_value(out, s, n, ncols);
	else
		text_value(out, s, n);
}

void
copyout_end(struct strbuf *out)
{
	sb_putc(out, '\n');
}
