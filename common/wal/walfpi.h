/*
 * walfpi: the full page images of a record written out or checked (pgwal
 * --save-fullpage, --fpi-verify), and the directory made for them.
 *
 *   walfpi_mkdir_p(dir)                 as pg_mkdir_p: 0 or -1 (errno)
 *   walfpi_save(dir, &raw, &rec, &ds)   DIR/TLI-LSNHI-LSNLO.SPC.DB.REL.BLK_FORK
 *   walfpi_verify(&raw, &rec, &ds)      findings at the block and LSN
 *
 * A file that cannot be written is D_OPEN_FAILED; an image that does not
 * restore, or breaks a page header rule, is damage at the record's LSN.
 */
#ifndef PGOD_WALFPI_H
#define PGOD_WALFPI_H

#include "out/diag.h"
#include "wal/walreader.h"
#include "wal/walrecord.h"

int			walfpi_mkdir_p(const char *path);
void		walfpi_save(const char *dir, const struct walrec_raw *raw, const struct walrec *r,
						struct diags *ds);
void		walfpi_verify(const struct walrec_raw *raw, const struct walrec *r, struct diags *ds);

#endif
