/*
 * What a relation file's name says: relfilenode, fork, segment, tablespace
 * (common/relpath.c's naming, read backwards).
 */
#include <string.h>

#include "io/relpath.h"

/* Parse a run of decimal digits fitting in 32 bits; returns chars used, 0 if none. */
static size_t
parse_u32(const char *s, size_t n, uint32_t *v)
{
	uint64_t	acc = 0;
	size_t		i = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9')
	{
		acc = acc * 10 + (uint64_t) (s[i] - '0');
		if (acc > UINT32_MAX)
			return 0;
		i++;
	}
	*v = (uint32_t) acc;
	return i;
}

static bool
all_digits(const char *s, size_t n, uint32_t *v)
{
	return n > 0 && parse_u32(s, n, v) == n;
}

void
relpath_parse(const char *path, struct relfile *rf)
{
	const char *base = strrchr(path, '/');
	size_t		n;
	size_t		i;
	uint32_t	seg = 0;
	static const struct {
		const char *suffix;
		enum fork_number fork;
	} forks[] = {{"_fsm", FORK_FSM}, {"_vm", FORK_VM}, {"_init", FORK_INIT}};

	memset(rf, 0, sizeof(*rf));
	base = base ? base + 1 : path;
	n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".gz") == 0)
		n -= 3;

	/* ".N" segment suffix */
	for (i = n; i > 0 && base[i - 1] >= '0' && base[i - 1] <= '9'; i--)
		;
	if (i > 1 && i < n && base[i - 1] == '.' && all_digits(base + i, n - i, &seg))
		n = i - 1;
	else
		seg = 0;

	rf->fork = FORK_MAIN;
	for (i = 0; i < sizeof(forks) / sizeof(forks[0]); i++)
	{
		size_t		l = strlen(forks[i].suffix);

		if (n > l && memcmp(base + n - l, forks[i].suffix, l) == 0)
		{
			rf->fork = forks[i].fork;
			n -= l;
			break;
		}
	}
	if (!all_digits(base, n, &rf->relfilenode) || rf->relfilenode == 0)
	{
		memset(rf, 0, sizeof(*rf));
		return;
	}
	if (seg > UINT32_MAX / RELSEG_SIZE)
	{
		/* a segment number no 32-bit block number can reach */
		memset(rf, 0, sizeof(*rf));
		return;
	}
	rf->named = true;
	rf->segno = seg;
	rf->first_block = seg * RELSEG_SIZE;

	/* the directory: .../base/DB/name or .../global/name */
	{
		size_t		dlen = (size_t) (base - path);
		const char *d = path;
		uint32_t	db = 0;

		if (dlen > 0)
			dlen--;				/* drop the slash */
		i = dlen;
		while (i > 0 && d[i - 1] != '/')
			i--;
		if (dlen - i == 6 && memcmp(d + i, "global", 6) == 0)
			rf->spcoid = 1664;
		else if (all_digits(d + i, dlen - i, &db))
		{
			size_t		j = i > 0 ? i - 1 : 0;
			size_t		k = j;

			while (k > 0 && d[k - 1] != '/')
				k--;
			rf->dboid = db;
			if (j - k == 4 && memcmp(d + k, "base", 4) == 0)
				rf->spcoid = 1663;
			else if (j - k > 3 && memcmp(d + k, "PG_", 3) == 0 && k > 1)
			{
				/* pg_tblspc/SPC/PG_<major>_<catversion>/DB/name */
				size_t		m = k - 1;
				uint32_t	spc = 0;

				while (m > 0 && d[m - 1] != '/')
					m--;
				if (all_digits(d + m, k - 1 - m, &spc))
					rf->spcoid = spc;
			}
		}
	}
}

const char *
fork_name(enum fork_number fork)
{
	switch (fork)
	{
		case FORK_MAIN: return "main";
		case FORK_FSM: return "fsm";
		case FORK_VM: return "vm";
		case FORK_INIT: return "init";
	}
	return "unknown";
}
