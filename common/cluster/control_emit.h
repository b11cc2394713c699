/*
 * control_emit: a decoded pg_control rendered through emit, with the
 * column names of PostgreSQL's pg_control_system(), pg_control_checkpoint()
 * and pg_control_init() (what pgpage prints for global/pg_control).
 *
 *   emit_begin(e);
 *   control_emit(e, file, &c);       file, kind, pg_version .. crc_ok
 *   ... findings ...; emit_end(e);
 */
#ifndef PGOD_CONTROL_EMIT_H
#define PGOD_CONTROL_EMIT_H

#include "cluster/control.h"
#include "out/emit.h"

void		control_emit(struct emit *e, const char *file, const struct pg_control *c);

#endif
