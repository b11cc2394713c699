/*
 * Block references of a record as text: XLogRecGetBlockRefInfo() of
 * xlogdesc.c (15+), which pg_waldump and pg_walinspect call; before 15
 * pg_waldump printed the same from its own loop, with no compression
 * method (the profile's waldump_bimg_method).  Formatted by hand: this
 * runs for every record shown.
 */
#include <string.h>

#include "out/fmt.h"
#include "rmgrdesc/rmgrdesc.h"

/* "rel S/D/R" */
static char *
put_rel(char *p, const struct walblock *b)
{
	p = FMT_PUT_LIT(p, "rel ");
	p = fmt_put_u(p, b->spcoid);
	*p++ = '/';
	p = fmt_put_u(p, b->dboid);
	*p++ = '/';
	return fmt_put_u(p, b->relnumber);
}

/* -b: "blkref #0: rel 1663/5/1259 fork main blk 0 (FPW); hole: ..." */
static char *
put_detailed(char *p, const struct pg_profile *prof, const struct walblock *b, int id,
			 bool pretty)
{
	if (pretty)
		*p++ = '\t';
	else if (id > 0)
		*p++ = ' ';
	p = FMT_PUT_LIT(p, "blkref #");
	p = fmt_put_u(p, (unsigned) id);
	p = FMT_PUT_LIT(p, ": ");
	p = put_rel(p, b);
	p = FMT_PUT_LIT(p, " fork ");
	p = fmt_put_str(p, b->fork < 4 ? wal_fork_names[b->fork] : "?");
	p = FMT_PUT_LIT(p, " blk ");
	p = fmt_put_u(p, b->blkno);
	if (b->has_image)
	{
		p = FMT_PUT_LIT(p, " (FPW");
		if (!b->apply_image)
			p = FMT_PUT_LIT(p, " for WAL verification");
		p = FMT_PUT_LIT(p, "); hole: offset: ");
		p = fmt_put_u(p, b->hole_offset);
		p = FMT_PUT_LIT(p, ", length: ");
		p = fmt_put_u(p, b->hole_length);
		if (b->compression != WALC_NONE)
		{
			p = FMT_PUT_LIT(p, ", compression saved: ");
			p = fmt_put_u(p, (unsigned) (WAL_BLCKSZ - b->hole_length - b->bimg_len));
			if (prof->waldump_bimg_method)
			{
				p = FMT_PUT_LIT(p, ", method: ");
				p = fmt_put_str(p, wal_compression_name(b->compression));
			}
		}
	}
	if (pretty)
		*p++ = '\n';
	return p;
}

/* pg_waldump's line: ", blkref #0: rel 1663/5/1259 blk 0 FPW" */
static char *
put_short(char *p, const struct walblock *b, int id)
{
	p = FMT_PUT_LIT(p, ", blkref #");
	p = fmt_put_u(p, (unsigned) id);
	p = FMT_PUT_LIT(p, ": ");
	p = put_rel(p, b);
	if (b->fork != 0)
	{
		p = FMT_PUT_LIT(p, " fork ");
		p = fmt_put_str(p, b->fork < 4 ? wal_fork_names[b->fork] : "?");
	}
	p = FMT_PUT_LIT(p, " blk ");
	p = fmt_put_u(p, b->blkno);
	if (b->has_image)
		p = b->apply_image ? FMT_PUT_LIT(p, " FPW") : FMT_PUT_LIT(p, " FPW for WAL verification");
	return p;
}

void
xlog_block_ref_info(struct strbuf *sb, const struct pg_profile *prof, const struct walrec *r,
					bool pretty, bool detailed)
{
	int			id;

	if (detailed && pretty)
		sb_putc(sb, '\n');
	for (id = 0; id <= r->max_block_id; id++)
	{
		const struct walblock *b = &r->blocks[id];
		char	   *p0,
				   *p;

		if (!b->in_use)
			continue;
		/* every piece is bounded: numbers, and names of a few bytes */
		p0 = sb_room(sb, 256);
		if (p0 == NULL)
			return;
		p = detailed ? put_detailed(p0, prof, b, id, pretty) : put_short(p0, b, id);
		sb_advance(sb, (size_t) (p - p0));
	}
	if (!detailed && pretty)
		sb_putc(sb, '\n');
}
