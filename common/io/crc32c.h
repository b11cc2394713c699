/*
 * crc32c: CRC-32C (Castagnoli), as PostgreSQL computes it for WAL records
 * and pg_control.  Uses the SSE 4.2 instruction when the CPU has it,
 * slicing-by-8 tables otherwise; both give the same value.
 *
 *   uint32_t c = CRC32C_INIT;  c = crc32c_update(c, buf, len);  c = CRC32C_FIN(c);
 *
 * Thread-safe: the path is chosen and the tables are built once, on the
 * first call from any thread.
 */
#ifndef PGOD_CRC32C_H
#define PGOD_CRC32C_H

#include <stddef.h>
#include <stdint.h>

#define CRC32C_INIT 0xFFFFFFFFu
#define CRC32C_FIN(c) ((c) ^ 0xFFFFFFFFu)

uint32_t	crc32c_update(uint32_t crc, const void *buf, size_t len);
/* Whole buffer at once: INIT, update, FIN. */
uint32_t	crc32c(const void *buf, size_t len);
/* 1 if the hardware path is in use (for tests and --version output). */
int			crc32c_hw(void);

/*
 * The two paths by name, so the tests can hold one against the other.
 * crc32c_update_hw() is the table path when the CPU (or the build) has no
 * SSE 4.2; check crc32c_hw() first to know which one ran.
 */
uint32_t	crc32c_update_sw(uint32_t crc, const void *buf, size_t len);
uint32_t	crc32c_update_hw(uint32_t crc, const void *buf, size_t len);

#endif
