/*
 * walfpi: what pgwal does with the full page images of a record beside
 * showing it: --save-fullpage writes them out restored, as pg_waldump
 * does (src/bin/pg_waldump/pg_waldump.c, XLogRecordSaveFPWs), and
 * --fpi-verify holds them to the page header rules.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "wal/walfpi.h"
#include "wal/walimage.h"

/*
 * --save-fullpage: each full page image of the record, restored, as
 * DIR/TLI-LSNHI-LSNLO.SPC.DB.REL.BLK_FORK (pg_waldump's names).  A file
 * that cannot be written is an I/O error (2); an image that cannot be
 * restored is damage.
 */
void
walfpi_save(const char *dir, const struct walrec_raw *raw, const struct walrec *r,
			   struct diags *ds)
{
	uint8_t		page[WAL_BLCKSZ];
	int			id;

	for (id = 0; id <= r->max_block_id; id++)
	{
		const struct walblock *b = &r->blocks[id];
		char		path[4096];
		FILE	   *f;
		bool		ok;

		if (!b->in_use || !b->has_image)
			continue;
		if (wal_restore_image(b, page, ds) != 0)
		{
			struct diag *d = ds->n > 0 ? &ds->d[ds->n - 1] : NULL;

			if (d != NULL)
			{
				d->lsn = raw->lsn;
				d->has_lsn = 1;
			}
			continue;
		}
		snprintf(path, sizeof(path), "%s/%08X-%08X-%08X.%u.%u.%u.%u_%s", dir,
				 raw->tli, (unsigned) (raw->lsn >> 32), (unsigned) raw->lsn,
				 b->spcoid, b->dboid, b->relnumber, b->blkno,
				 b->fork < 4 ? wal_fork_names[b->fork] : "unknown");
		f = fopen(path, "wb");
		if (f == NULL)
		{
			diag_add(ds, D_OPEN_FAILED, "cannot write %s: %s", path, strerror(errno));
			continue;
		}
		ok = fwrite(page, sizeof(page), 1, f) == 1;
		if (fclose(f) != 0)
			ok = false;
		if (!ok)
			diag_add(ds, D_OPEN_FAILED, "cannot write %s: %s", path, strerror(errno));
	}
}

/*
 * --fpi-verify: each full page image of the record, restored, held to the
 * page header rules (PageIsVerifiedExtended without the checksum: an
 * image's pd_checksum is stale by design, PostgreSQL sets it when it
 * writes the page out).  A new page (pd_upper 0) must be all zeros.  Each
 * finding is said at the block, the record's LSN and the block reference.
 */
void
walfpi_verify(const struct walrec_raw *raw, const struct walrec *r, struct diags *ds)
{
	static struct diags found;	/* large: not on the stack */
	uint8_t		page[WAL_BLCKSZ];
	int			id,
				i;

	for (id = 0; id <= r->max_block_id; id++)
	{
		const struct walblock *b = &r->blocks[id];

		if (!b->in_use || !b->has_image)
			continue;
		diags_reset(&found);
		wal_verify_image(b, page, &found);
		for (i = 0; i < found.n; i++)
		{
			struct diag *d = diag_add_block(ds, found.d[i].code, b->blkno,
											"full page image of blkref #%d, rel %u/%u/%u fork %s blk %u: %s",
											id, b->spcoid, b->dboid, b->relnumber,
											b->fork < 4 ? wal_fork_names[b->fork] : "?",
											b->blkno, found.d[i].detail);

			if (d != NULL)
			{
				d->lsn = raw->lsn;
				d->has_lsn = 1;
			}
		}
	}
}

/* mkdir -p: each missing component of path, as pg_mkdir_p does. */
int
walfpi_mkdir_p(const char *path)
{
	char		buf[4096];
	size_t		n = strlen(path);

	if (n == 0 || n >= sizeof(buf))
	{
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, path, n + 1);
	for (size_t i = 1; i <= n; i++)
	{
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0777) != 0 && errno != EEXIST)
			return -1;
		buf[i] = i < n ? '/' : '\0';
	}
	return 0;
}

