/* Shared includes for the cmocka unit tests (one test file per module). */
#ifndef PGOD_UNIT_H
#define PGOD_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

/* Little-endian stores, for building on-disk structures by hand. */
static inline void
wr16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t) v;
	p[1] = (uint8_t) (v >> 8);
}

static inline void
wr32(uint8_t *p, uint32_t v)
{
	wr16(p, (uint16_t) v);
	wr16(p + 2, (uint16_t) (v >> 16));
}

static inline void
wr64(uint8_t *p, uint64_t v)
{
	wr32(p, (uint32_t) v);
	wr32(p + 4, (uint32_t) (v >> 32));
}

#endif
