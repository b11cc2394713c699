/*
 * vm: heap block -> map block, byte and bit at the boundaries, the bits
 * read back, and the checks of a heap page against its bits.
 */
#include "unit.h"

#include "heap/heaptuple.h"
#include "page/page.h"
#include "maps/vm.h"
#include "maps/vm_heapcheck.h"

static void
expect_addr(uint32_t heapblk, uint32_t block, uint32_t byte, unsigned bit)
{
	struct vm_address a;

	vm_address_of(heapblk, &a);
	assert_int_equal(a.mapblock, block);
	assert_int_equal(a.mapbyte, byte);
	assert_int_equal(a.mapoffset, bit);
}

static void
test_address(void **state)
{
	(void) state;
	assert_int_equal(VM_HEAPBLOCKS_PER_PAGE, VM_MAPSIZE * VM_HEAPBLOCKS_PER_BYTE);
	assert_int_equal(VM_MAPSIZE, BLCKSZ - VM_MAP_OFFSET);
	expect_addr(0, 0, 0, 0);
	expect_addr(1, 0, 0, 2);
	expect_addr(3, 0, 0, 6);
	expect_addr(4, 0, 1, 0);
	expect_addr(32671, 0, 8167, 6);		/* last block of map page 0 */
	expect_addr(32672, 1, 0, 0);		/* first of map page 1 */
	expect_addr(65343, 1, 8167, 6);
	expect_addr(65344, 2, 0, 0);
	/* MaxBlockNumber 0xFFFFFFFE: 131457 * 32672 = 4294963104, 4190 more */
	expect_addr(0xFFFFFFFEu, 131457, 1047, 4);
	assert_int_equal(vm_first_heapblk(1), 32672);
	assert_true(vm_first_heapblk(131457) + 4190 == 0xFFFFFFFEu);
}

static void
test_status(void **state)
{
	uint8_t		page[BLCKSZ];

	(void) state;
	memset(page, 0, sizeof(page));
	/* heap block 5: byte 1, bits 2-3: visible only; block 7: both */
	page[VM_MAP_OFFSET + 1] = (uint8_t) (VM_ALL_VISIBLE << 2 | (VM_ALL_VISIBLE | VM_ALL_FROZEN) << 6);
	/* the last block of the page: byte 8167, bits 6-7 */
	page[BLCKSZ - 1] = (uint8_t) (VM_ALL_FROZEN << 6);
	assert_int_equal(vm_get_status(page, 4), 0);
	assert_int_equal(vm_get_status(page, 5), VM_ALL_VISIBLE);
	assert_int_equal(vm_get_status(page, 6), 0);
	assert_int_equal(vm_get_status(page, 7), VM_ALL_VISIBLE | VM_ALL_FROZEN);
	assert_int_equal(vm_get_status(page, 32671), VM_ALL_FROZEN);
	/* the same position on map page 1 */
	assert_int_equal(vm_get_status(page, 32672 + 7), VM_ALL_VISIBLE | VM_ALL_FROZEN);
	/* beyond the fork */
	assert_int_equal(vm_get_status(NULL, 7), 0);
}

/* A heap page with one tuple of the given header fields. */
static void
heap_page(uint8_t *page, uint16_t pd_flags, uint32_t xmin, uint32_t xmax,
		  uint16_t infomask, uint8_t lp_flags)
{
	uint32_t	lp;
	uint8_t    *t = page + 8128;

	memset(page, 0, BLCKSZ);
	page[10] = (uint8_t) pd_flags;
	page[12] = 28;				/* pd_lower: one line pointer */
	page[14] = 8128 & 0xff;		/* pd_upper */
	page[15] = 8128 >> 8;
	page[16] = 0;				/* pd_special 8192 */
	page[17] = 8192 >> 8;
	page[18] = 0x04;			/* pd_pagesize_version: 8192 | 4 */
	page[19] = 0x20;
	lp = 8128u | (uint32_t) lp_flags << 15 | 32u << 17;
	memcpy(page + 24, &lp, 4);
	memcpy(t, &xmin, 4);
	memcpy(t + 4, &xmax, 4);
	t[18] = 1;					/* t_infomask2: one attribute */
	t[20] = (uint8_t) infomask;
	t[21] = (uint8_t) (infomask >> 8);
	t[22] = 24;					/* t_hoff */
}

static int
count(const struct diags *ds, enum diag_code code)
{
	int			i,
				n = 0;

	for (i = 0; i < ds->n; i++)
		n += ds->d[i].code == code;
	return n;
}

static void
test_check_flags(void **state)
{
	uint8_t		page[BLCKSZ];
	struct diags ds;

	(void) state;
	heap_page(page, PD_ALL_VISIBLE, 2, 0, HEAP_XMIN_FROZEN | HEAP_XMAX_INVALID, LP_NORMAL);
	diags_reset(&ds);
	assert_int_equal(vm_check_heap_page(page, 3, VM_ALL_VISIBLE | VM_ALL_FROZEN, NULL, &ds), 0);
	/* the page flag without the map bit, and the reverse */
	assert_int_equal(vm_check_heap_page(page, 3, 0, NULL, &ds), 1);
	assert_int_equal(count(&ds, D_VM_MAP_BIT), 1);
	assert_int_equal(ds.d[0].blkno, 3);
	heap_page(page, 0, 2, 0, HEAP_XMIN_FROZEN | HEAP_XMAX_INVALID, LP_NORMAL);
	diags_reset(&ds);
	assert_int_equal(vm_check_heap_page(page, 4, VM_ALL_VISIBLE, NULL, &ds), 1);
	assert_int_equal(count(&ds, D_VM_PAGE_FLAG), 1);
	/* frozen without visible; a bit on a block the heap lacks */
	diags_reset(&ds);
	vm_check_heap_page(NULL, 9, VM_ALL_FROZEN, NULL, &ds);
	assert_int_equal(count(&ds, D_VM_BITS), 1);
	assert_int_equal(count(&ds, D_VM_PAGE_FLAG), 1);
}

static void
test_check_tuples(void **state)
{
	uint8_t		page[BLCKSZ];
	struct diags ds;

	(void) state;
	/* committed xmin, no xmax: all-visible fine, but not frozen */
	heap_page(page, PD_ALL_VISIBLE, 1000, 0, HEAP_XMIN_COMMITTED | HEAP_XMAX_INVALID, LP_NORMAL);
	diags_reset(&ds);
	assert_int_equal(vm_check_heap_page(page, 0, VM_ALL_VISIBLE, NULL, &ds), 0);
	assert_int_equal(vm_check_heap_page(page, 0, VM_ALL_VISIBLE | VM_ALL_FROZEN, NULL, &ds), 1);
	assert_int_equal(count(&ds, D_VM_NOT_FROZEN), 1);
	assert_int_equal(ds.d[0].item, 1);
	/* xmin not hinted: without pg_xact that is a finding */
	heap_page(page, PD_ALL_VISIBLE, 1000, 0, HEAP_XMAX_INVALID, LP_NORMAL);
	diags_reset(&ds);
	assert_int_equal(vm_check_heap_page(page, 0, VM_ALL_VISIBLE, NULL, &ds), 1);
	assert_int_equal(count(&ds, D_VM_NOT_VISIBLE), 1);
	/* a deleter: xmax set, not a locker */
	heap_page(page, PD_ALL_VISIBLE, 1000, 1001, HEAP_XMIN_COMMITTED, LP_NORMAL);
	diags_reset(&ds);
	assert_int_equal(vm_check_heap_page(page, 0, VM_ALL_VISIBLE, NULL, &ds), 1);
	assert_int_equal(count(&ds, D_VM_NOT_VISIBLE), 1);
	/* a locker only is no finding for visibility, but is for frozen */
	heap_page(page, PD_ALL_VISIBLE, 2, 1001, HEAP_XMIN_FROZEN | HEAP_XMAX_LOCK_ONLY | HEAP_XMAX_EXCL_LOCK, LP_NORMAL);
	diags_reset(&ds);
	assert_int_equal(vm_check_heap_page(page, 0, VM_ALL_VISIBLE, NULL, &ds), 0);
	assert_int_equal(vm_check_heap_page(page, 0, VM_ALL_VISIBLE | VM_ALL_FROZEN, NULL, &ds), 1);
	/* a dead line pointer is neither */
	heap_page(page, PD_ALL_VISIBLE, 0, 0, 0, LP_DEAD);
	diags_reset(&ds);
	assert_int_equal(vm_check_heap_page(page, 0, VM_ALL_VISIBLE | VM_ALL_FROZEN, NULL, &ds), 2);
	/* a new page with the bit set; clear bits on a new page are fine */
	memset(page, 0, BLCKSZ);
	diags_reset(&ds);
	assert_int_equal(vm_check_heap_page(page, 0, 0, NULL, &ds), 0);
	assert_int_equal(vm_check_heap_page(page, 0, VM_ALL_VISIBLE, NULL, &ds), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_address),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_check_flags),
		cmocka_unit_test(test_check_tuples),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
