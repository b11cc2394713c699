/*
 * Database, Tablespace and RelMap descriptions: dbasedesc.c, tblspcdesc.c,
 * relmapdesc.c.  Database wording changed in 12, 13 and 15: 10, 11 print
 * "db/tablespace" pairs, 12 turned them into "tablespace/db"; 13 made DROP
 * list every tablespace (xl_dbase_drop_rec: db_id, ntablespaces, ids[]);
 * 15 split creation into CREATE_FILE_COPY and CREATE_WAL_LOG and moved
 * DROP to 0x20.
 */
#include <string.h>

#include "rmgrdesc/rmgrdesc_int.h"

/* 13+: "dir" then " tablespace/db" for each tablespace of xl_dbase_drop_rec */
static bool
dbase_drop_list(struct strbuf *sb, const uint8_t *d, uint32_t n)
{
	int32_t		nt,
				i;

	if (n < 8)
		return false;
	nt = (int32_t) rd32(d + 4);
	if (nt < 0 || (uint32_t) nt > (n - 8) / 4)
		return false;
	sb_puts(sb, "dir");
	for (i = 0; i < nt; i++)
		sb_printf(sb, " %u/%u", rd32(d + 8 + 4 * i), rd32(d));
	return true;
}

static bool
dbase(struct strbuf *sb, int major, const uint8_t *d, uint32_t n, uint8_t info)
{
	if (major < 15)
	{
		/* XLOG_DBASE_CREATE 0x00, XLOG_DBASE_DROP 0x10 */
		if (info == 0x00)
		{
			/* xl_dbase_create_rec: db_id, tablespace_id, src_db_id, src_tablespace_id */
			if (n < 16)
				return false;
			if (major >= 12)
				sb_printf(sb, "copy dir %u/%u to %u/%u",
						  rd32(d + 12), rd32(d + 8), rd32(d + 4), rd32(d));
			else
				sb_printf(sb, "copy dir %u/%u to %u/%u",
						  rd32(d + 8), rd32(d + 12), rd32(d), rd32(d + 4));
		}
		else if (info == 0x10)
		{
			if (major >= 13)
				return dbase_drop_list(sb, d, n);
			/* xl_dbase_drop_rec of 10..12: db_id, tablespace_id */
			if (n < 8)
				return false;
			if (major == 12)
				sb_printf(sb, "dir %u/%u", rd32(d + 4), rd32(d));
			else
				sb_printf(sb, "dir %u/%u", rd32(d), rd32(d + 4));
		}
		return true;
	}
	switch (info)
	{
		case 0x00:				/* CREATE_FILE_COPY: db_id, tablespace_id, src_db_id, src_tablespace_id */
			if (n < 16)
				return false;
			sb_printf(sb, "copy dir %u/%u to %u/%u", rd32(d + 12), rd32(d + 8), rd32(d + 4), rd32(d));
			return true;
		case 0x10:				/* CREATE_WAL_LOG: db_id, tablespace_id */
			if (n < 8)
				return false;
			sb_printf(sb, "create dir %u/%u", rd32(d + 4), rd32(d));
			return true;
		case 0x20:				/* DROP: db_id, ntablespaces, tablespace_ids[] */
			return dbase_drop_list(sb, d, n);
	}
	return true;
}

bool
rmgr_desc_catalog(struct strbuf *sb, int major, enum rmgr_style style, const struct walrec *r)
{
	const uint8_t *d = r->main_data;
	uint32_t	n = r->main_data_len;
	uint8_t		info = r->info & 0xF0;

	(void) style;
	switch (r->rmid)
	{
		case RM_DBASE_ID:
			return dbase(sb, major, d, n, info);
		case RM_TBLSPC_ID:
			if (n < 4)
				return false;
			if (info == 0x00)	/* CREATE: ts_id, ts_path (NUL-terminated) */
			{
				const uint8_t *z = memchr(d + 4, '\0', n - 4);

				if (z == NULL)
					return false;
				sb_printf(sb, "%u \"%s\"", rd32(d), (const char *) d + 4);
			}
			else if (info == 0x10)	/* DROP */
				sb_printf(sb, "%u", rd32(d));
			return true;
		case RM_RELMAP_ID:
			/* xl_relmap_update: dbid, tsid, nbytes */
			if (info != 0x00)
				return true;
			if (n < 12)
				return false;
			sb_printf(sb, major >= 15 ? "database %u tablespace %u size %d" :
					  "database %u tablespace %u size %u", rd32(d), rd32(d + 4), rd32(d + 8));
			return true;
	}
	return false;
}
