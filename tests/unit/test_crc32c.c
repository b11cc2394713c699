/*
 * crc32c: published vectors, a bit-at-a-time reference, and the hardware
 * and table paths held against each other on random lengths and
 * alignments.
 */
#include "unit.h"

#include <stdlib.h>

#include "io/crc32c.h"

/* The definition itself, one bit at a time: slow, obviously right. */
static uint32_t
crc32c_bitwise(uint32_t crc, const unsigned char *p, size_t len)
{
	while (len-- > 0)
	{
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = (crc & 1) ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
	}
	return crc;
}

/* Deterministic xorshift, so a failure can be replayed. */
static uint32_t rng_state = 0x2545F491u;

static uint32_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

static void
test_check_value(void **state)
{
	(void) state;
	/* The catalogue check value of CRC-32C (iSCSI). */
	assert_int_equal(crc32c("123456789", 9), 0xE3069283u);
	assert_int_equal(crc32c("", 0), 0x00000000u);
	assert_int_equal(crc32c(NULL, 0), 0x00000000u);
	assert_int_equal(crc32c("a", 1), 0xC1D04330u);
}

/* RFC 3720, appendix B.4: the iSCSI CRC examples. */
static void
test_rfc3720_vectors(void **state)
{
	unsigned char buf[48];

	(void) state;
	memset(buf, 0, 32);
	assert_int_equal(crc32c(buf, 32), 0x8A9136AAu);
	memset(buf, 0xFF, 32);
	assert_int_equal(crc32c(buf, 32), 0x62A8AB43u);
	for (int i = 0; i < 32; i++)
		buf[i] = (unsigned char) i;
	assert_int_equal(crc32c(buf, 32), 0x46DD794Eu);
	for (int i = 0; i < 32; i++)
		buf[i] = (unsigned char) (31 - i);
	assert_int_equal(crc32c(buf, 32), 0x113FDB5Cu);

	{
		/* An iSCSI read command PDU, 48 bytes. */
		static const unsigned char pdu[48] = {
			0x01, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00,
			0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x18,
			0x28, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
		};

		assert_int_equal(crc32c(pdu, sizeof(pdu)), 0xD9963A56u);
	}
}

/* Feeding the bytes in pieces gives the same CRC as all at once. */
static void
test_incremental(void **state)
{
	unsigned char buf[1000];
	uint32_t	whole;

	(void) state;
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char) rng();
	whole = crc32c(buf, sizeof(buf));
	for (size_t cut = 0; cut <= sizeof(buf); cut += 7)
	{
		uint32_t	c = CRC32C_INIT;

		c = crc32c_update(c, buf, cut);
		c = crc32c_update(c, buf + cut, sizeof(buf) - cut);
		assert_int_equal(CRC32C_FIN(c), whole);
	}
}

/* The table path against the bit-at-a-time definition. */
static void
test_sw_matches_bitwise(void **state)
{
	enum {SIZE = 1100};
	unsigned char *buf = malloc(SIZE);

	(void) state;
	assert_non_null(buf);
	for (size_t i = 0; i < SIZE; i++)
		buf[i] = (unsigned char) rng();
	for (int round = 0; round < 500; round++)
	{
		size_t		off = rng() % 16;
		size_t		len = rng() % (SIZE - 16);
		uint32_t	seed = rng();

		assert_int_equal(crc32c_update_sw(seed, buf + off, len),
						 crc32c_bitwise(seed, buf + off, len));
	}
	free(buf);
}

/*
 * Hardware against tables, from every alignment and with lengths around
 * the 8-byte steps.  Each input is copied to a heap block of exactly its
 * size, so ASan catches a read past the end on either path.
 */
static void
test_hw_matches_sw(void **state)
{
	enum {SIZE = 4200};
	unsigned char *src = malloc(SIZE);

	(void) state;
	assert_non_null(src);
	if (!crc32c_hw())
	{
		free(src);
		skip();
	}
	for (size_t i = 0; i < SIZE; i++)
		src[i] = (unsigned char) rng();
	for (size_t off = 0; off < 16; off++)
		for (size_t len = 0; len < 40; len++)
			assert_int_equal(crc32c_update_hw(CRC32C_INIT, src + off, len),
							 crc32c_update_sw(CRC32C_INIT, src + off, len));
	for (int round = 0; round < 3000; round++)
	{
		size_t		off = rng() % 64;
		size_t		len = rng() % (SIZE - 64);
		uint32_t	seed = rng();
		unsigned char *copy = malloc(len + 1);

		assert_non_null(copy);
		memcpy(copy, src + off, len);
		assert_int_equal(crc32c_update_hw(seed, copy, len),
						 crc32c_update_sw(seed, copy, len));
		free(copy);
	}
	free(src);
}

/* crc32c_update() uses whichever path crc32c_hw() reports. */
static void
test_dispatch(void **state)
{
	const char *s = "PostgreSQL pg_control";
	size_t		n = strlen(s);

	(void) state;
	assert_int_equal(crc32c_update(CRC32C_INIT, s, n),
					 crc32c_update_sw(CRC32C_INIT, s, n));
	assert_int_equal(crc32c_update(CRC32C_INIT, s, n),
					 crc32c_update_hw(CRC32C_INIT, s, n));
	assert_true(crc32c_hw() == 0 || crc32c_hw() == 1);
	/* Zero bytes leave the running value alone, on every path. */
	assert_int_equal(crc32c_update(0x12345678u, s, 0), 0x12345678u);
	assert_int_equal(crc32c_update_sw(0x12345678u, s, 0), 0x12345678u);
	assert_int_equal(crc32c_update_hw(0x12345678u, s, 0), 0x12345678u);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_value),
		cmocka_unit_test(test_rfc3720_vectors),
		cmocka_unit_test(test_incremental),
		cmocka_unit_test(test_sw_matches_bitwise),
		cmocka_unit_test(test_hw_matches_sw),
		cmocka_unit_test(test_dispatch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
