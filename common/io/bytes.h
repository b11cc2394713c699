/*
 * bytes: little-endian, alignment-free loads from on-disk bytes.
 *
 * Every PostgreSQL file these tools read was written by an x86-64 (little
 * endian) server, and no field may be assumed aligned in a buffer we did
 * not lay out, so fields are assembled byte by byte; compilers turn these
 * into single loads.
 */
#ifndef PGOD_BYTES_H
#define PGOD_BYTES_H

#include <stdint.h>
#include <string.h>

static inline uint16_t
rd16(const uint8_t *p)
{
	return (uint16_t) (p[0] | (p[1] << 8));
}

static inline uint32_t
rd32(const uint8_t *p)
{
	return (uint32_t) p[0] | ((uint32_t) p[1] << 8) |
		((uint32_t) p[2] << 16) | ((uint32_t) p[3] << 24);
}

static inline uint64_t
rd64(const uint8_t *p)
{
	return (uint64_t) rd32(p) | ((uint64_t) rd32(p + 4) << 32);
}

/* float4 and float8 as stored: the IEEE bits of rd32/rd64 */
static inline float
rdf32(const uint8_t *p)
{
	uint32_t	bits = rd32(p);
	float		f;

	memcpy(&f, &bits, sizeof(f));
	return f;
}

static inline double
rdf64(const uint8_t *p)
{
	uint64_t	bits = rd64(p);
	double		f;

	memcpy(&f, &bits, sizeof(f));
	return f;
}

#endif
