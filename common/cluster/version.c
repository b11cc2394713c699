/*
 * The per-major profiles and version detection.
 *
 * Values were read from each major's src/include: catalog/pg_control.h
 * (PG_CONTROL_VERSION), catalog/catversion.h (CATALOG_VERSION_NO),
 * access/xlog_internal.h (XLOG_PAGE_MAGIC), access/nbtree.h (BTREE_VERSION,
 * BTREE_MIN_VERSION; 10 has no minimum and reads only version 2).
 *
 * Catalog version ranges.  A major's clusters carry its release value, but
 * development and beta clusters of major N carry values written after N-1
 * branched, i.e. above N-1's release value and at most N's.  So each range
 * is (release of N-1, release of N]: a 16beta cluster (PG_CONTROL_VERSION
 * 1300 like 13..15) then reads as 16, not 15.  18's range is left open
 * above, since PG_CONTROL_VERSION 1800 alone already names it.  The one
 * blur: a few catalog bumps on a just-branched stable branch (16's
 * 202307071) interleave with the next major's first development values;
 * such an early development cluster of 17 reads as 16, whose pg_control
 * layout it shares, so only its WAL details could differ.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cluster/control.h"
#include "io/input.h"
#include "cluster/version.h"

/* CATALOG_VERSION_NO of 9.6.0, the floor of 10's range. */
#define CATVERSION_96 201608131u

static const struct pg_profile profiles[] = {
	{
		.float_out_legacy = true,
		.char_out_raw = true,
		.major = 10, .xlog_page_magic = 0xD097, .pg_control_version = 1002,
		.catversion_min = CATVERSION_96 + 1, .catversion_max = 201707211,
		.catversion_release = 201707211,
		.btree_version = 2, .btree_min_version = 2,
		.has_infomask_flags = false,
		.heap_hasoid_old = false, .bt_heapkeyspace = false,
		.bt_metap_cols = 6, .bt_posting = false, .bt_full_xid = false,
		.waldump_stats_range = false,
		.wal_max_rmid = 21, .wal_custom_rmgrs = false, .wal_bimg_v15 = false,
		.wal_toplevel_xid = false, .walinspect_nulls = false, .waldump_bimg_method = false,
	},
	{
		.float_out_legacy = true,
		.char_out_raw = true,
		.major = 11, .xlog_page_magic = 0xD098, .pg_control_version = 1100,
		.catversion_min = 201707212, .catversion_max = 201809051,
		.catversion_release = 201809051,
		.btree_version = 3, .btree_min_version = 2,
		.has_infomask_flags = false,
		.heap_hasoid_old = false, .bt_heapkeyspace = false,
		.bt_metap_cols = 8, .bt_posting = false, .bt_full_xid = false,
		.waldump_stats_range = false,
		.wal_max_rmid = 21, .wal_custom_rmgrs = false, .wal_bimg_v15 = false,
		.wal_toplevel_xid = false, .walinspect_nulls = false, .waldump_bimg_method = false,
	},
	{
		.char_out_raw = true,
		.major = 12, .xlog_page_magic = 0xD101, .pg_control_version = 1201,
		.catversion_min = 201809052, .catversion_max = 201909212,
		.catversion_release = 201909212,
		.btree_version = 4, .btree_min_version = 2,
		.has_infomask_flags = false,
		.heap_hasoid_old = true, .bt_heapkeyspace = true,
		.bt_metap_cols = 8, .bt_posting = false, .bt_full_xid = false,
		.waldump_stats_range = false,
		.wal_max_rmid = 21, .wal_custom_rmgrs = false, .wal_bimg_v15 = false,
		.wal_toplevel_xid = false, .walinspect_nulls = false, .waldump_bimg_method = false,
	},
	{
		.char_out_raw = true,
		.major = 13, .xlog_page_magic = 0xD106, .pg_control_version = 1300,
		.catversion_min = 201909213, .catversion_max = 202007201,
		.catversion_release = 202007201,
		.btree_version = 4, .btree_min_version = 2,
		.has_infomask_flags = true,
		.heap_hasoid_old = true, .bt_heapkeyspace = true,
		.bt_metap_cols = 9, .bt_posting = true, .bt_full_xid = false,
		.waldump_stats_range = false,
		.wal_max_rmid = 21, .wal_custom_rmgrs = false, .wal_bimg_v15 = false,
		.wal_toplevel_xid = false, .walinspect_nulls = false, .waldump_bimg_method = false,
	},
	{
		.char_out_raw = true,
		.major = 14, .xlog_page_magic = 0xD10D, .pg_control_version = 1300,
		.catversion_min = 202007202, .catversion_max = 202107181,
		.catversion_release = 202107181,
		.btree_version = 4, .btree_min_version = 2,
		.has_infomask_flags = true,
		.heap_hasoid_old = true, .bt_heapkeyspace = true,
		.bt_metap_cols = 9, .bt_posting = true, .bt_full_xid = true,
		.waldump_stats_range = false,
		.wal_max_rmid = 21, .wal_custom_rmgrs = false, .wal_bimg_v15 = false,
		.wal_toplevel_xid = true, .walinspect_nulls = false, .waldump_bimg_method = false,
	},
	{
		.major = 15, .xlog_page_magic = 0xD110, .pg_control_version = 1300,
		.catversion_min = 202107182, .catversion_max = 202209061,
		.catversion_release = 202209061,
		.btree_version = 4, .btree_min_version = 2,
		.has_infomask_flags = true,
		.heap_hasoid_old = true, .bt_heapkeyspace = true,
		.bt_metap_cols = 9, .bt_posting = true, .bt_full_xid = true,
		.waldump_stats_range = true,
		.wal_max_rmid = 21, .wal_custom_rmgrs = true, .wal_bimg_v15 = true,
		.wal_toplevel_xid = true, .walinspect_nulls = false, .waldump_bimg_method = true,
	},
	{
		.major = 16, .xlog_page_magic = 0xD113, .pg_control_version = 1300,
		.catversion_min = 202209062, .catversion_max = 202307071,
		.catversion_release = 202307071,
		.btree_version = 4, .btree_min_version = 2,
		.has_infomask_flags = true,
		.heap_hasoid_old = true, .bt_heapkeyspace = true,
		.bt_metap_cols = 9, .bt_posting = true, .bt_full_xid = true,
		.waldump_stats_range = true,
		.wal_max_rmid = 21, .wal_custom_rmgrs = true, .wal_bimg_v15 = true,
		.wal_toplevel_xid = true, .walinspect_nulls = true, .waldump_bimg_method = true,
	},
	{
		.major = 17, .xlog_page_magic = 0xD116, .pg_control_version = 1700,
		.catversion_min = 202307072, .catversion_max = 202406281,
		.catversion_release = 202406281,
		.btree_version = 4, .btree_min_version = 2,
		.has_infomask_flags = true,
		.heap_hasoid_old = true, .bt_heapkeyspace = true,
		.bt_metap_cols = 9, .bt_posting = true, .bt_full_xid = true,
		.waldump_stats_range = true,
		.wal_max_rmid = 21, .wal_custom_rmgrs = true, .wal_bimg_v15 = true,
		.wal_toplevel_xid = true, .walinspect_nulls = true, .waldump_bimg_method = true,
	},
	{
		.major = 18, .xlog_page_magic = 0xD118, .pg_control_version = 1800,
		.catversion_min = 202406282, .catversion_max = UINT32_MAX,
		.catversion_release = 202506291,
		.btree_version = 4, .btree_min_version = 2,
		.has_infomask_flags = true,
		.heap_hasoid_old = true, .bt_heapkeyspace = true,
		.bt_metap_cols = 9, .bt_posting = true, .bt_full_xid = true,
		.waldump_stats_range = true,
		.wal_max_rmid = 21, .wal_custom_rmgrs = true, .wal_bimg_v15 = true,
		.wal_toplevel_xid = true, .walinspect_nulls = true, .waldump_bimg_method = true,
	},
};

#define NPROFILES (sizeof(profiles) / sizeof(profiles[0]))

const struct pg_profile *
pg_profile_by_major(int major)
{
	for (size_t i = 0; i < NPROFILES; i++)
		if (profiles[i].major == major)
			return &profiles[i];
	return NULL;
}

const struct pg_profile *
pg_profile_by_xlog_magic(uint16_t magic)
{
	for (size_t i = 0; i < NPROFILES; i++)
		if (profiles[i].xlog_page_magic == magic)
			return &profiles[i];
	return NULL;
}

const struct pg_profile *
pg_profile_by_control(uint32_t pg_control_version, uint32_t catalog_version_no)
{
	for (size_t i = 0; i < NPROFILES; i++)
		if (profiles[i].pg_control_version == pg_control_version &&
			catalog_version_no >= profiles[i].catversion_min &&
			catalog_version_no <= profiles[i].catversion_max)
			return &profiles[i];
	return NULL;
}

int
pg_version_parse(const char *text, size_t len, int *major)
{
	size_t		i = 0;
	long		v = 0;

	if (text == NULL)
		return -1;
	/* PostgreSQL writes "%s\n"; allow that newline and stray blanks. */
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r' ||
					   text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len == 0 || len > 4 || text[0] == '0')
		return -1;
	for (i = 0; i < len; i++)
	{
		if (text[i] < '0' || text[i] > '9')
			return -1;
		v = v * 10 + (text[i] - '0');
	}
	*major = (int) v;
	return 0;
}

/*
 * Read at most size bytes of a regular file, read-only.  O_NONBLOCK keeps a
 * FIFO planted under the name from stalling us; the fstat check then
 * refuses anything but a plain file.  Returns bytes read, or -1.
 */
static ssize_t
read_small_file(const char *path, void *buf, size_t size)
{
	struct stat st;
	size_t		got = 0;
	int			fd;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
	{
		close(fd);
		return -1;
	}
	while (got < size)
	{
		ssize_t		n = read(fd, (char *) buf + got, size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
		{
			close(fd);
			return -1;
		}
		if (n == 0)
			break;
		got += (size_t) n;
	}
	close(fd);
	return (ssize_t) got;
}

/*
 * Replace dir (a buffer of room bytes) by its parent.  Lexical while there
 * are components to drop, so a path through a tablespace symlink climbs
 * back the way it came; past the start of a relative path it appends "..".
 * Returns 0, or -1 at "/" or when out of room.
 */
static int
parent_dir(char *dir, size_t room)
{
	size_t		len = strlen(dir);
	size_t		end;
	size_t		start;

	while (len > 1 && dir[len - 1] == '/')
		dir[--len] = '\0';
	if (strcmp(dir, "/") == 0)
		return -1;
	start = len;
	while (start > 0 && dir[start - 1] != '/')
		start--;
	/* The last component is "." or "..": only going further up helps. */
	if (strcmp(dir + start, ".") == 0 || strcmp(dir + start, "..") == 0)
	{
		if (strcmp(dir, ".") == 0)
		{
			dir[0] = '.';
			dir[1] = '.';
			dir[2] = '\0';
			return 0;
		}
		if (len + 4 > room)
			return -1;
		memcpy(dir + len, "/..", 4);
		return 0;
	}
	end = start;
	while (end > 1 && dir[end - 1] == '/')
		end--;
	if (end == 0)
		strcpy(dir, ".");
	else if (end == 1 && dir[0] == '/')
		dir[1] = '\0';
	else
		dir[end] = '\0';
	return 0;
}

static int
join_path(char *out, size_t room, const char *dir, const char *name)
{
	size_t		a = strlen(dir);
	size_t		b = strlen(name);

	if (a + 1 + b + 1 > room)
		return -1;
	memcpy(out, dir, a);
	out[a] = '/';
	memcpy(out + a + 1, name, b + 1);
	return 0;
}

/* The nearest PG_VERSION naming a known major, or NULL. */
static const struct pg_profile *
detect_by_pg_version(char *dir, size_t room, char *file, int *found_bad,
					 char *bad, size_t badsize)
{
	for (int level = 0; level <= PG_DETECT_DEPTH; level++)
	{
		char		text[64];
		ssize_t		n;
		int			major;

		if (level > 0 && parent_dir(dir, room) != 0)
			break;
		if (join_path(file, room, dir, "PG_VERSION") != 0)
			break;
		n = read_small_file(file, text, sizeof(text));
		if (n < 0)
			continue;
		if (pg_version_parse(text, (size_t) n, &major) == 0 &&
			pg_profile_by_major(major) != NULL)
			return pg_profile_by_major(major);
		if (!*found_bad)
		{
			size_t		k;

			/* Keep the text printable: it goes into a message. */
			for (k = 0; k < (size_t) n && k < 16; k++)
				text[k] = (text[k] >= 0x20 && text[k] < 0x7F) ? text[k] : '?';
			text[k] = '\0';
			*found_bad = 1;
			snprintf(bad, badsize, "%s says \"%s\"", file, text);
		}
	}
	return NULL;
}

/*
 * Read global/pg_control under dir, or global/pg_control.gz (a copy of a
 * cluster gzip'd as the fixtures' relation files are).  Returns the bytes
 * read into buf, or -1 when neither is a regular file that can be read;
 * file is left holding the path tried last.
 */
static ssize_t
read_control_under(const char *dir, size_t room, char *file, uint8_t *buf,
				   size_t want)
{
	struct stat st;
	struct diags *gds;
	uint8_t    *gz;
	size_t		len = 0;
	ssize_t		n;

	if (join_path(file, room, dir, "global/pg_control") != 0)
		return -1;
	n = read_small_file(file, buf, want);
	if (n >= 0)
		return n;
	if (join_path(file, room, dir, "global/pg_control.gz") != 0 ||
		stat(file, &st) != 0 || !S_ISREG(st.st_mode) ||
		(gds = malloc(sizeof(*gds))) == NULL)
		return -1;
	diags_reset(gds);
	gz = input_slurp(file, want, &len, gds);
	free(gds);
	if (gz == NULL)
		return -1;
	memcpy(buf, gz, len < want ? len : want);
	free(gz);
	return (ssize_t) (len < want ? len : want);
}

/*
 * The nearest global/pg_control walking up from dir: 1 with *c decoded
 * when it has a good CRC and a known version (file names it), else 0; the
 * first one found that cannot be trusted is described in bad.
 */
static int
find_control(char *dir, size_t room, char *file, struct pg_control *c,
			 int *found_bad, char *bad, size_t badsize)
{
	static const size_t want = 8192;	/* PG_CONTROL_FILE_SIZE */
	uint8_t    *buf = malloc(want);
	struct diags *cds = malloc(sizeof(*cds));
	int			found = 0;

	if (buf == NULL || cds == NULL)
		goto out;
	for (int level = 0; level <= PG_DETECT_DEPTH; level++)
	{
		ssize_t		n;

		if (level > 0 && parent_dir(dir, room) != 0)
			break;
		n = read_control_under(dir, room, file, buf, want);
		if (n < 0)
			continue;
		diags_reset(cds);
		if (control_decode(buf, (size_t) n, c, cds) == 0 &&
			c->profile != NULL && c->crc_ok)
		{
			found = 1;
			break;
		}
		if (!*found_bad)
		{
			char		msg[DIAG_DETAIL];

			/* Say what control_decode found: short, unknown, or bad CRC. */
			if (cds->n > 0)
				diag_message(&cds->d[0], msg, sizeof(msg));
			else
				snprintf(msg, sizeof(msg), "not understood");
			*found_bad = 1;
			/* A long path may cut the message short; the file name leads. */
			if (snprintf(bad, badsize, "%s: %s", file, msg) < 0)
				bad[0] = '\0';
		}
	}
out:
	free(buf);
	free(cds);
	return found;
}

/* The nearest global/pg_control with a good CRC and known version, or NULL. */
static const struct pg_profile *
detect_by_pg_control(char *dir, size_t room, char *file, int *found_bad,
					 char *bad, size_t badsize)
{
	struct pg_control c;

	if (find_control(dir, room, file, &c, found_bad, bad, badsize))
		return c.profile;
	return NULL;
}

/*
 * The directory to start from (path itself if a directory, else the one
 * holding it) in start, and room for every ".." a walk may append and the
 * longest name joined to it.  Returns the room, or 0.
 */
static size_t
walk_start(const char *path, char **start, char **dir, char **file)
{
	struct stat st;
	size_t		room;

	*start = *dir = *file = NULL;
	if (path == NULL || path[0] == '\0' || strcmp(path, "-") == 0)
		return 0;
	room = strlen(path) + 3 * (PG_DETECT_DEPTH + 2) + sizeof("/global/pg_control.gz") + 2;
	*start = malloc(room);
	*dir = malloc(room);
	*file = malloc(room);
	if (*start == NULL || *dir == NULL || *file == NULL)
		return 0;
	memcpy(*start, path, strlen(path) + 1);
	if ((stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) &&
		parent_dir(*start, room) != 0)
		return 0;
	memcpy(*dir, *start, strlen(*start) + 1);
	return room;
}

static void
copy_found(char *found, size_t foundsize, const char *file)
{
	if (found != NULL && foundsize > 0 &&
		snprintf(found, foundsize, "%s", file) < 0)
		found[0] = '\0';
}

int
pg_control_near(const char *path, struct pg_control *c, char *found,
				size_t foundsize)
{
	char	   *start,
			   *dir,
			   *file;
	char		bad[DIAG_DETAIL];
	int			found_bad = 0;
	int			r = 0;
	size_t		room = walk_start(path, &start, &dir, &file);

	memset(c, 0, sizeof(*c));
	if (found != NULL && foundsize > 0)
		found[0] = '\0';
	if (room == 0)
		goto out;
	if (find_control(dir, room, file, c, &found_bad, bad, sizeof(bad)))
	{
		r = 1;
		copy_found(found, foundsize, file);
	}
	else if (found_bad)
	{
		r = -1;
		copy_found(found, foundsize, bad);
	}
out:
	if (r != 1)
		memset(c, 0, sizeof(*c));
	free(start);
	free(dir);
	free(file);
	return r;
}

const struct pg_profile *
pg_detect_for_path_from(const char *path, struct diags *ds, char *found,
						size_t foundsize)
{
	const struct pg_profile *p = NULL;
	char	   *start,
			   *dir,
			   *file;
	char		bad[DIAG_DETAIL];
	int			found_bad = 0;
	size_t		room = walk_start(path, &start, &dir, &file);

	if (found != NULL && foundsize > 0)
		found[0] = '\0';
	if (room == 0)
		goto out;
	p = detect_by_pg_version(dir, room, file, &found_bad, bad, sizeof(bad));
	if (p == NULL)
	{
		memcpy(dir, start, strlen(start) + 1);
		p = detect_by_pg_control(dir, room, file, &found_bad, bad, sizeof(bad));
	}
	if (p != NULL)
		copy_found(found, foundsize, file);
	if (p == NULL && found_bad && ds != NULL)
		diag_add(ds, D_UNKNOWN_VERSION, "%s", bad);
out:
	free(start);
	free(dir);
	free(file);
	return p;
}

const struct pg_profile *
pg_detect_for_path(const char *path, struct diags *ds)
{
	return pg_detect_for_path_from(path, ds, NULL, 0);
}
