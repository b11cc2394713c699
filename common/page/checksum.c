/*
 * The data page checksum, pg_checksum_page() of storage/checksum_impl.h.
 */
#include <string.h>

#include "page/checksum.h"
#include "page/page.h"

#define N_SUMS 32
#define FNV_PRIME 16777619u
#define ROWS (BLCKSZ / (4 * N_SUMS))

/* Initial state of each lane: the constants of PostgreSQL's algorithm. */
static const uint32_t base_offsets[N_SUMS] = {
	0x5B1F36E9, 0xB8525960, 0x02AB50AA, 0x1DE66D2A,
	0x79FF467A, 0x9BB9F8A3, 0x217E7CD2, 0x83E13D2C,
	0xF8D4474F, 0xE39EB970, 0x42C6AE16, 0x993216FA,
	0x7B093B5D, 0x98DAFF3C, 0xF718902A, 0x0B1C9CDB,
	0xE58F764B, 0x187636BC, 0x5D7B3BB1, 0xE73DE7DE,
	0x92BEC979, 0xCCA6C0B2, 0x304A0979, 0x85AA43D4,
	0x783125BB, 0x6CA8EAA2, 0xE407EAC6, 0x4B5CFC3E,
	0x9FBF8C76, 0x15CA20BE, 0xF2CA9FD3, 0x959BD756
};

#define MIX(sum, value) do { \
	uint32_t t_ = (sum) ^ (value); \
	(sum) = t_ * FNV_PRIME ^ (t_ >> 17); \
} while (0)

/*
 * The lanes are independent, so the inner loop vectorizes; the body is
 * compiled twice, plain and for AVX2 (8 lanes a multiply), and the faster
 * one is picked once at run time.  Both compute the same value.
 */
static inline __attribute__((always_inline)) uint32_t
block_sum(const uint8_t *page)
{
	uint32_t	sums[N_SUMS];
	uint32_t	result = 0;
	int			i,
				j;

	memcpy(sums, base_offsets, sizeof(sums));
	for (i = 0; i < ROWS; i++)
	{
		uint32_t	row[N_SUMS];

		memcpy(row, page + (size_t) i * sizeof(row), sizeof(row));
		if (i == 0)
			row[2] &= 0xFFFF0000u;	/* pd_checksum (low half of word 2) as zero */
		for (j = 0; j < N_SUMS; j++)
			MIX(sums[j], row[j]);
	}
	for (i = 0; i < 2; i++)
		for (j = 0; j < N_SUMS; j++)
			MIX(sums[j], 0);
	for (j = 0; j < N_SUMS; j++)
		result ^= sums[j];
	return result;
}

static uint32_t
block_sum_plain(const uint8_t *page)
{
	return block_sum(page);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("avx2")))
static uint32_t
block_sum_avx2(const uint8_t *page)
{
	return block_sum(page);
}
#endif

static uint32_t (*pick(void)) (const uint8_t *)
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx2"))
		return block_sum_avx2;
#endif
	return block_sum_plain;
}

uint16_t
pg_checksum_page(const uint8_t *page, uint32_t blkno)
{
	static uint32_t (*sum) (const uint8_t *);
	uint32_t	c;

	if (sum == NULL)
		sum = pick();
	c = sum(page) ^ blkno;
	return (uint16_t) ((c % 65535) + 1);
}
