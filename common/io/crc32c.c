/*
 * CRC-32C (Castagnoli), bit-reflected polynomial 0x82F63B78: the CRC that
 * PostgreSQL's pg_crc32c computes over WAL records and pg_control.
 *
 * Two paths with the same result.  On x86-64 with SSE 4.2 the crc32
 * instruction does 8 bytes per step; elsewhere slicing-by-8 tables do 8
 * bytes per 8 lookups.  The choice is made once, on the first call, so the
 * library runs on any x86-64 and still uses the instruction where it can.
 */
#include <stdatomic.h>
#include <string.h>

#include "io/crc32c.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CRC32C_HAVE_SSE42 1
#include <nmmintrin.h>
#else
#define CRC32C_HAVE_SSE42 0
#endif

#define CRC32C_POLY 0x82F63B78u

/*
 * crc32c_table[k][n] is the CRC contribution of byte n followed by k zero
 * bytes, which lets eight input bytes be folded in with eight independent
 * lookups.  Built from the polynomial on first use rather than pasted in,
 * so the only constant to trust is CRC32C_POLY.
 */
static uint32_t crc32c_table[8][256];

/* 0: not built, 1: a thread is building, 2: ready to read. */
static atomic_int crc32c_table_state;

/* 0: not chosen yet, 1: hardware, 2: tables. */
static atomic_int crc32c_path;

static void
crc32c_build_tables(void)
{
	int			expected = 0;

	if (atomic_load_explicit(&crc32c_table_state, memory_order_acquire) == 2)
		return;
	if (atomic_compare_exchange_strong(&crc32c_table_state, &expected, 1))
	{
		for (uint32_t n = 0; n < 256; n++)
		{
			uint32_t	c = n;

			for (int bit = 0; bit < 8; bit++)
				c = (c & 1) ? (c >> 1) ^ CRC32C_POLY : c >> 1;
			crc32c_table[0][n] = c;
		}
		for (uint32_t n = 0; n < 256; n++)
		{
			uint32_t	c = crc32c_table[0][n];

			for (int k = 1; k < 8; k++)
			{
				c = (c >> 8) ^ crc32c_table[0][c & 0xFF];
				crc32c_table[k][n] = c;
			}
		}
		atomic_store_explicit(&crc32c_table_state, 2, memory_order_release);
		return;
	}
	/* Another thread is building: the work is microseconds, so wait. */
	while (atomic_load_explicit(&crc32c_table_state, memory_order_acquire) != 2)
		;
}

/* Little-endian load byte by byte: no alignment and no host order assumed. */
static uint32_t
load_le32(const unsigned char *p)
{
	return (uint32_t) p[0] | (uint32_t) p[1] << 8 |
		(uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

uint32_t
crc32c_update_sw(uint32_t crc, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	crc32c_build_tables();
	while (len >= 8)
	{
		uint32_t	lo = crc ^ load_le32(p);
		uint32_t	hi = load_le32(p + 4);

		crc = crc32c_table[7][lo & 0xFF] ^
			crc32c_table[6][(lo >> 8) & 0xFF] ^
			crc32c_table[5][(lo >> 16) & 0xFF] ^
			crc32c_table[4][lo >> 24] ^
			crc32c_table[3][hi & 0xFF] ^
			crc32c_table[2][(hi >> 8) & 0xFF] ^
			crc32c_table[1][(hi >> 16) & 0xFF] ^
			crc32c_table[0][hi >> 24];
		p += 8;
		len -= 8;
	}
	while (len-- > 0)
		crc = crc32c_table[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
	return crc;
}

#if CRC32C_HAVE_SSE42
/*
 * Only this function is compiled for SSE 4.2, so the rest of the program
 * keeps running on CPUs without it; it is called only after
 * __builtin_cpu_supports() said yes.
 */
__attribute__((target("sse4.2")))
static uint32_t
crc32c_sse42(uint32_t crc, const unsigned char *p, size_t len)
{
	uint64_t	c = crc;

	/* Reach an 8-byte boundary first: aligned loads are the fast ones. */
	while (len > 0 && ((uintptr_t) p & 7) != 0)
	{
		c = _mm_crc32_u8((uint32_t) c, *p++);
		len--;
	}
	while (len >= 8)
	{
		uint64_t	w;

		/* memcpy, not a cast: no alignment or aliasing promise to break. */
		memcpy(&w, p, sizeof(w));
		c = _mm_crc32_u64(c, w);
		p += 8;
		len -= 8;
	}
	while (len-- > 0)
		c = _mm_crc32_u8((uint32_t) c, *p++);
	return (uint32_t) c;
}
#endif

static int
crc32c_choose(void)
{
	int			path = atomic_load_explicit(&crc32c_path, memory_order_relaxed);

	if (path == 0)
	{
#if CRC32C_HAVE_SSE42
		path = __builtin_cpu_supports("sse4.2") ? 1 : 2;
#else
		path = 2;
#endif
		/* Every thread computes the same answer, so a plain store is enough. */
		atomic_store_explicit(&crc32c_path, path, memory_order_relaxed);
	}
	return path;
}

uint32_t
crc32c_update_hw(uint32_t crc, const void *buf, size_t len)
{
#if CRC32C_HAVE_SSE42
	if (crc32c_choose() == 1)
		return crc32c_sse42(crc, buf, len);
#endif
	return crc32c_update_sw(crc, buf, len);
}

uint32_t
crc32c_update(uint32_t crc, const void *buf, size_t len)
{
	if (len == 0)
		return crc;
	return crc32c_update_hw(crc, buf, len);
}

uint32_t
crc32c(const void *buf, size_t len)
{
	return CRC32C_FIN(crc32c_update(CRC32C_INIT, buf, len));
}

int
crc32c_hw(void)
{
	return crc32c_choose() == 1;
}
