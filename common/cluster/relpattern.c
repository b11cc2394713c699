/*
 * pg_amcheck's name patterns (src/fe_utils/string_utils.c's
 * patternToSQLRegex, read as globs instead of regular expressions).
 */
#include <ctype.h>
#include <fnmatch.h>
#include <string.h>

#include "cluster/relpattern.h"

int
relpattern_parse(const char *s, struct relpattern *p)
{
	bool		quoted = false;
	size_t		n = 0;

	memset(p, 0, sizeof(*p));
	p->nparts = 1;
	for (; *s; s++)
	{
		char		ch = *s;
		char	   *out = p->part[p->nparts - 1];

		if (ch == '"')
		{
			if (quoted && s[1] == '"')
				s++;			/* "" in quotes: a quote */
			else
			{
				quoted = !quoted;
				continue;
			}
		}
		else if (!quoted && ch == '.')
		{
			if (p->nparts == 3)
				return -1;
			p->nparts++;
			n = 0;
			continue;
		}
		if (n + 3 > RELPATTERN_PART)
			return -1;
		if (!quoted && (ch == '*' || ch == '?'))
			out[n++] = ch;
		else
		{
			if (ch == '*' || ch == '?' || ch == '[' || ch == '\\')
				out[n++] = '\\';
			out[n++] = quoted ? ch : (char) tolower((unsigned char) ch);
		}
		out[n] = '\0';
	}
	return quoted ? -1 : 0;
}

static bool
match(const char *glob, const char *name)
{
	if (name == NULL)
		return strcmp(glob, "*") == 0;
	return fnmatch(glob, name, 0) == 0;
}

bool
relpattern_match(const struct relpattern *p, const char *datname,
				 const char *nspname, const char *relname)
{
	int			k = p->nparts;

	if (!match(p->part[k - 1], relname))
		return false;
	if (k >= 2 && !match(p->part[k - 2], nspname))
		return false;
	return k < 3 || match(p->part[0], datname);
}

bool
relpattern_match_db(const struct relpattern *p, const char *datname)
{
	return p->nparts == 1 && match(p->part[0], datname);
}
