/*
 * The resource manager table and the helpers the description files share
 * (access/rmgrlist.h, src/bin/pg_waldump/rmgrdesc.c).
 */
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "rmgrdesc/rmgrdesc_int.h"
#include "cluster/version.h"

static const char *const names[RMGR_COUNT] = {
	"XLOG", "Transaction", "Storage", "CLOG", "Database", "Tablespace",
	"MultiXact", "RelMap", "Standby", "Heap2", "Heap", "Btree", "Hash",
	"Gin", "Gist", "Sequence", "SPGist", "BRIN", "CommitTs",
	"ReplicationOrigin", "Generic", "LogicalMessage"
};

/* one per built-in rmgr; custom ones (15+) in customdesc.c */
static const rmgr_desc_fn descs[RMGR_COUNT] = {
	[RM_XLOG_ID] = rmgr_desc_xlog,
	[RM_XACT_ID] = rmgr_desc_xact,
	[RM_SMGR_ID] = rmgr_desc_smgr,
	[RM_HEAP2_ID] = rmgr_desc_heap2,
	[RM_HEAP_ID] = rmgr_desc_heap,
	[RM_BTREE_ID] = rmgr_desc_btree,
	[RM_STANDBY_ID] = rmgr_desc_standby,
	[RM_SEQ_ID] = rmgr_desc_seq,
	[RM_GIN_ID] = rmgr_desc_gin,
	[RM_GIST_ID] = rmgr_desc_gist,
	[RM_SPGIST_ID] = rmgr_desc_spgist,
	[RM_HASH_ID] = rmgr_desc_hash,
	[RM_BRIN_ID] = rmgr_desc_brin,
	[RM_CLOG_ID] = rmgr_desc_slru,
	[RM_COMMIT_TS_ID] = rmgr_desc_slru,
	[RM_MULTIXACT_ID] = rmgr_desc_slru,
	[RM_DBASE_ID] = rmgr_desc_catalog,
	[RM_TBLSPC_ID] = rmgr_desc_catalog,
	[RM_RELMAP_ID] = rmgr_desc_catalog,
	[RM_REPLORIGIN_ID] = rmgr_desc_logical,
	[RM_LOGICALMSG_ID] = rmgr_desc_logical,
	[RM_GENERIC_ID] = rmgr_desc_logical,
};

const char *
rmgr_name(uint8_t rmid)
{
	return rmid < RMGR_COUNT ? names[rmid] : NULL;
}

const char *
rmgr_identify(int major, uint8_t rmid, uint8_t info)
{
	const struct rmgr_names *n;
	const struct rmgr_name *e;

	if (major < 10 || major > 18 || rmid >= RMGR_COUNT)
		return NULL;
	n = &rmgr_names_by_major[major - 10][rmid];
	for (e = n->names; e->name != NULL; e++)
		if ((info & n->mask) == e->info)
			return e->name;
	return NULL;
}

bool
rmgr_desc(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	size_t		len = sb->len;

	/* a custom rmgr (15+): pg_waldump knows only its id, and says so */
	if (rmgr_is_custom(major, r->rmid))
		return rmgr_desc_custom(sb, major, r);
	if (major < 10 || major > 18 || r->rmid >= RMGR_COUNT)
		return false;
	if (!descs[r->rmid] (sb, major, style, r))
	{
		sb->len = len;
		if (sb->data != NULL)
			sb->data[len] = '\0';
		return false;
	}
	return true;
}

/*
 * timestamptz_to_str: pg_waldump's (compat.c) uses localtime and %Z; the
 * server's uses the session time zone in ISO style, "+00" for UTC.
 */
void
rmgr_put_timestamp(struct strbuf *sb, enum rmgr_style style, int64_t ts)
{
	/* seconds from 1970-01-01 to 2000-01-01 */
	const int64_t epoch_diff = INT64_C(946684800);
	int64_t		secs = ts / 1000000;
	int64_t		usec = ts % 1000000;
	time_t		t;

	/*
	 * The last second formatted: commits come many to a second, and
	 * localtime_r and strftime cost more than the rest of a record.
	 */
	static struct
	{
		bool		valid;
		enum rmgr_style style;
		time_t		t;
		char		b[64];
		char		z[32];
	}			last;

	if (usec < 0)
	{
		usec += 1000000;
		secs--;
	}
	t = (time_t) (secs + epoch_diff);
	if (!last.valid || last.style != style || last.t != t)
	{
		struct tm	tm;

		if (style == RS_WALDUMP)
		{
			localtime_r(&t, &tm);
			strftime(last.b, sizeof(last.b), "%Y-%m-%d %H:%M:%S", &tm);
			strftime(last.z, sizeof(last.z), "%Z", &tm);
		}
		else
		{
			gmtime_r(&t, &tm);
			strftime(last.b, sizeof(last.b), "%Y-%m-%d %H:%M:%S", &tm);
		}
		last.valid = true;
		last.style = style;
		last.t = t;
	}
	if (style == RS_WALDUMP)
		sb_printf(sb, "%s.%06d %s", last.b, (int) usec, last.z);
	else if (usec != 0)
	{
		/* trailing zeros of the fraction are dropped, as EncodeDateTime does */
		char		f[8];
		int			i;
		int			u = (int) usec;

		for (i = 5; i >= 0; i--)
		{
			f[i] = (char) ('0' + u % 10);
			u /= 10;
		}
		f[6] = '\0';
		for (i = 5; i > 0 && f[i] == '0'; i--)
			f[i] = '\0';
		sb_printf(sb, "%s.%s+00", last.b, f);
	}
	else
		sb_printf(sb, "%s+00", last.b);
}

/* SharedInvalidationMessage ids (storage/sinval.h); 16 bytes each */
#define SHAREDINVALCATALOG_ID (-1)
#define SHAREDINVALRELCACHE_ID (-2)
#define SHAREDINVALSMGR_ID (-3)
#define SHAREDINVALRELMAP_ID (-4)
#define SHAREDINVALSNAPSHOT_ID (-5)
#define SHAREDINVALRELSYNC_ID (-6)	/* 18+ */

bool
rmgr_invalidations(struct strbuf *sb, int32_t nmsgs, const uint8_t *msgs,
				   uint32_t n, uint32_t dboid, uint32_t tsoid, bool initfile)
{
	int32_t		i;

	/* 13+ print nothing without messages; 10..12 the same in practice */
	if (nmsgs <= 0)
		return true;
	if ((uint32_t) nmsgs > n / 16)
		return false;
	if (initfile)
		sb_printf(sb, "; relcache init file inval dbid %u tsid %u", dboid, tsoid);
	sb_puts(sb, "; inval msgs:");
	for (i = 0; i < nmsgs; i++)
	{
		const uint8_t *m = msgs + 16 * i;
		int8_t		id = (int8_t) m[0];

		if (id >= 0)
			sb_printf(sb, " catcache %d", id);
		else if (id == SHAREDINVALCATALOG_ID)
			sb_printf(sb, " catalog %u", rd32(m + 8));
		else if (id == SHAREDINVALRELCACHE_ID)
			sb_printf(sb, " relcache %u", rd32(m + 8));
		else if (id == SHAREDINVALSMGR_ID)
			sb_puts(sb, " smgr");
		else if (id == SHAREDINVALRELMAP_ID)
			sb_printf(sb, " relmap db %u", rd32(m + 4));
		else if (id == SHAREDINVALSNAPSHOT_ID)
			sb_printf(sb, " snapshot %u", rd32(m + 8));
		else if (id == SHAREDINVALRELSYNC_ID)
			sb_printf(sb, " relsync %u", rd32(m + 8));
		else
			sb_printf(sb, " unrecognized id %d", id);
	}
	return true;
}

/* GetRelationPath() for a permanent relation (common/relpath.c) */
void
rmgr_relpath(struct strbuf *sb, int major, uint32_t spc, uint32_t db,
			 uint32_t rel, int fork)
{
	const struct pg_profile *p = pg_profile_by_major(major);

	if (spc == 1664)			/* GLOBALTABLESPACE_OID */
		sb_printf(sb, "global/%u", rel);
	else if (spc == 1663)		/* DEFAULTTABLESPACE_OID */
		sb_printf(sb, "base/%u/%u", db, rel);
	else
		/* TABLESPACE_VERSION_DIRECTORY: the catalog version of the x.0 release */
		sb_printf(sb, "pg_tblspc/%u/PG_%d_%u/%u/%u", spc, major,
				  p ? p->catversion_release : 0, db, rel);
	if (fork > 0 && fork < 4)
		sb_printf(sb, "_%s", wal_fork_names[fork]);
}

/* array_desc() of offsets (uint16 each), rmgrdesc_utils.c */
void
rmgr_offset_array(struct strbuf *sb, const uint8_t *p, uint32_t count)
{
	uint32_t	i;

	sb_puts(sb, " [");
	for (i = 0; i < count; i++)
		sb_printf(sb, "%s%u", i ? ", " : "", rd16(p + 2 * i));
	sb_putc(sb, ']');
}

