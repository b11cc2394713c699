/*
 * Record type names of each major, from its src/backend/access/rmgrdesc
 * *_identify() functions (of the last minor where later minors added a
 * name: XLOG_OVERWRITE_CONTRECORD reached 10-13 in 2021's minor releases).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rmgrdesc/rmgrdesc_int.h"

static const struct rmgr_name n10_XLOG[] = {{0x00, "CHECKPOINT_SHUTDOWN"}, {0x10, "CHECKPOINT_ONLINE"}, {0x20, "NOOP"}, {0x30, "NEXTOID"}, {0x40, "SWITCH"}, {0x50, "BACKUP_END"}, {0x60, "PARAMETER_CHANGE"}, {0x70, "RESTORE_POINT"}, {0x80, "FPW_CHANGE"}, {0x90, "END_OF_RECOVERY"}, {0xD0, "OVERWRITE_CONTRECORD"}, {0xB0, "FPI"}, {0xA0, "FPI_FOR_HINT"}, {0xC0, "FPI_MULTI"}, {0, NULL}};
static const struct rmgr_name n10_Transaction[] = {{0x00, "COMMIT"}, {0x10, "PREPARE"}, {0x20, "ABORT"}, {0x30, "COMMIT_PREPARED"}, {0x40, "ABORT_PREPARED"}, {0x50, "ASSIGNMENT"}, {0, NULL}};
static const struct rmgr_name n10_Storage[] = {{0x10, "CREATE"}, {0x20, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n10_CLOG[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n10_Database[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n10_Tablespace[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n10_MultiXact[] = {{0x00, "ZERO_OFF_PAGE"}, {0x10, "ZERO_MEM_PAGE"}, {0x20, "CREATE_ID"}, {0x30, "TRUNCATE_ID"}, {0, NULL}};
static const struct rmgr_name n10_RelMap[] = {{0x00, "UPDATE"}, {0, NULL}};
static const struct rmgr_name n10_Standby[] = {{0x00, "LOCK"}, {0x10, "RUNNING_XACTS"}, {0x20, "INVALIDATIONS"}, {0, NULL}};
static const struct rmgr_name n10_Heap2[] = {{0x10, "CLEAN"}, {0x20, "FREEZE_PAGE"}, {0x30, "CLEANUP_INFO"}, {0x40, "VISIBLE"}, {0x50, "MULTI_INSERT"}, {0xD0, "MULTI_INSERT+INIT"}, {0x60, "LOCK_UPDATED"}, {0x70, "NEW_CID"}, {0x00, "REWRITE"}, {0, NULL}};
static const struct rmgr_name n10_Heap[] = {{0x00, "INSERT"}, {0x80, "INSERT+INIT"}, {0x10, "DELETE"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x40, "HOT_UPDATE"}, {0xC0, "HOT_UPDATE+INIT"}, {0x50, "HEAP_CONFIRM"}, {0x60, "LOCK"}, {0x70, "INPLACE"}, {0, NULL}};
static const struct rmgr_name n10_Btree[] = {{0x00, "INSERT_LEAF"}, {0x10, "INSERT_UPPER"}, {0x20, "INSERT_META"}, {0x30, "SPLIT_L"}, {0x40, "SPLIT_R"}, {0x50, "SPLIT_L_ROOT"}, {0x60, "SPLIT_R_ROOT"}, {0xC0, "VACUUM"}, {0x70, "DELETE"}, {0xB0, "MARK_PAGE_HALFDEAD"}, {0x80, "UNLINK_PAGE"}, {0x90, "UNLINK_PAGE_META"}, {0xA0, "NEWROOT"}, {0xD0, "REUSE_PAGE"}, {0, NULL}};
static const struct rmgr_name n10_Hash[] = {{0x00, "INIT_META_PAGE"}, {0x10, "INIT_BITMAP_PAGE"}, {0x20, "INSERT"}, {0x30, "ADD_OVFL_PAGE"}, {0x40, "SPLIT_ALLOCATE_PAGE"}, {0x50, "SPLIT_PAGE"}, {0x60, "SPLIT_COMPLETE"}, {0x70, "MOVE_PAGE_CONTENTS"}, {0x80, "SQUEEZE_PAGE"}, {0x90, "DELETE"}, {0xA0, "SPLIT_CLEANUP"}, {0xB0, "UPDATE_META_PAGE"}, {0xC0, "VACUUM_ONE_PAGE"}, {0, NULL}};
static const struct rmgr_name n10_Gin[] = {{0x00, "CREATE_INDEX"}, {0x10, "CREATE_PTREE"}, {0x20, "INSERT"}, {0x30, "SPLIT"}, {0x40, "VACUUM_PAGE"}, {0x90, "VACUUM_DATA_LEAF_PAGE"}, {0x50, "DELETE_PAGE"}, {0x60, "UPDATE_META_PAGE"}, {0x70, "INSERT_LISTPAGE"}, {0x80, "DELETE_LISTPAGE"}, {0, NULL}};
static const struct rmgr_name n10_Gist[] = {{0x00, "PAGE_UPDATE"}, {0x30, "PAGE_SPLIT"}, {0x50, "CREATE_INDEX"}, {0, NULL}};
static const struct rmgr_name n10_Sequence[] = {{0x00, "LOG"}, {0, NULL}};
static const struct rmgr_name n10_SPGist[] = {{0x00, "CREATE_INDEX"}, {0x10, "ADD_LEAF"}, {0x20, "MOVE_LEAFS"}, {0x30, "ADD_NODE"}, {0x40, "SPLIT_TUPLE"}, {0x50, "PICKSPLIT"}, {0x60, "VACUUM_LEAF"}, {0x70, "VACUUM_ROOT"}, {0x80, "VACUUM_REDIRECT"}, {0, NULL}};
static const struct rmgr_name n10_BRIN[] = {{0x00, "CREATE_INDEX"}, {0x10, "INSERT"}, {0x90, "INSERT+INIT"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x30, "SAMEPAGE_UPDATE"}, {0x40, "REVMAP_EXTEND"}, {0x50, "DESUMMARIZE"}, {0, NULL}};
static const struct rmgr_name n10_CommitTs[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0x20, "SETTS"}, {0, NULL}};
static const struct rmgr_name n10_ReplicationOrigin[] = {{0x00, "SET"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n10_Generic[] = {{0x00, "Generic"}, {0, NULL}};
static const struct rmgr_name n10_LogicalMessage[] = {{0x00, "MESSAGE"}, {0, NULL}};
static const struct rmgr_names names10[RMGR_COUNT] = {
	{0xF0, n10_XLOG},
	{0x70, n10_Transaction},
	{0xF0, n10_Storage},
	{0xF0, n10_CLOG},
	{0xF0, n10_Database},
	{0xF0, n10_Tablespace},
	{0xF0, n10_MultiXact},
	{0xF0, n10_RelMap},
	{0xF0, n10_Standby},
	{0xF0, n10_Heap2},
	{0xF0, n10_Heap},
	{0xF0, n10_Btree},
	{0xF0, n10_Hash},
	{0xF0, n10_Gin},
	{0xF0, n10_Gist},
	{0xF0, n10_Sequence},
	{0xF0, n10_SPGist},
	{0xF0, n10_BRIN},
	{0xFF, n10_CommitTs},
	{0xFF, n10_ReplicationOrigin},
	{0x00, n10_Generic},
	{0xF0, n10_LogicalMessage},
};
static const struct rmgr_name n11_XLOG[] = {{0x00, "CHECKPOINT_SHUTDOWN"}, {0x10, "CHECKPOINT_ONLINE"}, {0x20, "NOOP"}, {0x30, "NEXTOID"}, {0x40, "SWITCH"}, {0x50, "BACKUP_END"}, {0x60, "PARAMETER_CHANGE"}, {0x70, "RESTORE_POINT"}, {0x80, "FPW_CHANGE"}, {0x90, "END_OF_RECOVERY"}, {0xD0, "OVERWRITE_CONTRECORD"}, {0xB0, "FPI"}, {0xA0, "FPI_FOR_HINT"}, {0, NULL}};
static const struct rmgr_name n11_Transaction[] = {{0x00, "COMMIT"}, {0x10, "PREPARE"}, {0x20, "ABORT"}, {0x30, "COMMIT_PREPARED"}, {0x40, "ABORT_PREPARED"}, {0x50, "ASSIGNMENT"}, {0, NULL}};
static const struct rmgr_name n11_Storage[] = {{0x10, "CREATE"}, {0x20, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n11_CLOG[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n11_Database[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n11_Tablespace[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n11_MultiXact[] = {{0x00, "ZERO_OFF_PAGE"}, {0x10, "ZERO_MEM_PAGE"}, {0x20, "CREATE_ID"}, {0x30, "TRUNCATE_ID"}, {0, NULL}};
static const struct rmgr_name n11_RelMap[] = {{0x00, "UPDATE"}, {0, NULL}};
static const struct rmgr_name n11_Standby[] = {{0x00, "LOCK"}, {0x10, "RUNNING_XACTS"}, {0x20, "INVALIDATIONS"}, {0, NULL}};
static const struct rmgr_name n11_Heap2[] = {{0x10, "CLEAN"}, {0x20, "FREEZE_PAGE"}, {0x30, "CLEANUP_INFO"}, {0x40, "VISIBLE"}, {0x50, "MULTI_INSERT"}, {0xD0, "MULTI_INSERT+INIT"}, {0x60, "LOCK_UPDATED"}, {0x70, "NEW_CID"}, {0x00, "REWRITE"}, {0, NULL}};
static const struct rmgr_name n11_Heap[] = {{0x00, "INSERT"}, {0x80, "INSERT+INIT"}, {0x10, "DELETE"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x40, "HOT_UPDATE"}, {0xC0, "HOT_UPDATE+INIT"}, {0x30, "TRUNCATE"}, {0x50, "HEAP_CONFIRM"}, {0x60, "LOCK"}, {0x70, "INPLACE"}, {0, NULL}};
static const struct rmgr_name n11_Btree[] = {{0x00, "INSERT_LEAF"}, {0x10, "INSERT_UPPER"}, {0x20, "INSERT_META"}, {0x30, "SPLIT_L"}, {0x40, "SPLIT_R"}, {0x50, "SPLIT_L_HIGHKEY"}, {0x60, "SPLIT_R_HIGHKEY"}, {0xC0, "VACUUM"}, {0x70, "DELETE"}, {0xB0, "MARK_PAGE_HALFDEAD"}, {0x80, "UNLINK_PAGE"}, {0x90, "UNLINK_PAGE_META"}, {0xA0, "NEWROOT"}, {0xD0, "REUSE_PAGE"}, {0xE0, "META_CLEANUP"}, {0, NULL}};
static const struct rmgr_name n11_Hash[] = {{0x00, "INIT_META_PAGE"}, {0x10, "INIT_BITMAP_PAGE"}, {0x20, "INSERT"}, {0x30, "ADD_OVFL_PAGE"}, {0x40, "SPLIT_ALLOCATE_PAGE"}, {0x50, "SPLIT_PAGE"}, {0x60, "SPLIT_COMPLETE"}, {0x70, "MOVE_PAGE_CONTENTS"}, {0x80, "SQUEEZE_PAGE"}, {0x90, "DELETE"}, {0xA0, "SPLIT_CLEANUP"}, {0xB0, "UPDATE_META_PAGE"}, {0xC0, "VACUUM_ONE_PAGE"}, {0, NULL}};
static const struct rmgr_name n11_Gin[] = {{0x00, "CREATE_INDEX"}, {0x10, "CREATE_PTREE"}, {0x20, "INSERT"}, {0x30, "SPLIT"}, {0x40, "VACUUM_PAGE"}, {0x90, "VACUUM_DATA_LEAF_PAGE"}, {0x50, "DELETE_PAGE"}, {0x60, "UPDATE_META_PAGE"}, {0x70, "INSERT_LISTPAGE"}, {0x80, "DELETE_LISTPAGE"}, {0, NULL}};
static const struct rmgr_name n11_Gist[] = {{0x00, "PAGE_UPDATE"}, {0x30, "PAGE_SPLIT"}, {0x50, "CREATE_INDEX"}, {0, NULL}};
static const struct rmgr_name n11_Sequence[] = {{0x00, "LOG"}, {0, NULL}};
static const struct rmgr_name n11_SPGist[] = {{0x00, "CREATE_INDEX"}, {0x10, "ADD_LEAF"}, {0x20, "MOVE_LEAFS"}, {0x30, "ADD_NODE"}, {0x40, "SPLIT_TUPLE"}, {0x50, "PICKSPLIT"}, {0x60, "VACUUM_LEAF"}, {0x70, "VACUUM_ROOT"}, {0x80, "VACUUM_REDIRECT"}, {0, NULL}};
static const struct rmgr_name n11_BRIN[] = {{0x00, "CREATE_INDEX"}, {0x10, "INSERT"}, {0x90, "INSERT+INIT"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x30, "SAMEPAGE_UPDATE"}, {0x40, "REVMAP_EXTEND"}, {0x50, "DESUMMARIZE"}, {0, NULL}};
static const struct rmgr_name n11_CommitTs[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0x20, "SETTS"}, {0, NULL}};
static const struct rmgr_name n11_ReplicationOrigin[] = {{0x00, "SET"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n11_Generic[] = {{0x00, "Generic"}, {0, NULL}};
static const struct rmgr_name n11_LogicalMessage[] = {{0x00, "MESSAGE"}, {0, NULL}};
static const struct rmgr_names names11[RMGR_COUNT] = {
	{0xF0, n11_XLOG},
	{0x70, n11_Transaction},
	{0xF0, n11_Storage},
	{0xF0, n11_CLOG},
	{0xF0, n11_Database},
	{0xF0, n11_Tablespace},
	{0xF0, n11_MultiXact},
	{0xF0, n11_RelMap},
	{0xF0, n11_Standby},
	{0xF0, n11_Heap2},
	{0xF0, n11_Heap},
	{0xF0, n11_Btree},
	{0xF0, n11_Hash},
	{0xF0, n11_Gin},
	{0xF0, n11_Gist},
	{0xF0, n11_Sequence},
	{0xF0, n11_SPGist},
	{0xF0, n11_BRIN},
	{0xFF, n11_CommitTs},
	{0xFF, n11_ReplicationOrigin},
	{0x00, n11_Generic},
	{0xF0, n11_LogicalMessage},
};
static const struct rmgr_name n12_XLOG[] = {{0x00, "CHECKPOINT_SHUTDOWN"}, {0x10, "CHECKPOINT_ONLINE"}, {0x20, "NOOP"}, {0x30, "NEXTOID"}, {0x40, "SWITCH"}, {0x50, "BACKUP_END"}, {0x60, "PARAMETER_CHANGE"}, {0x70, "RESTORE_POINT"}, {0x80, "FPW_CHANGE"}, {0x90, "END_OF_RECOVERY"}, {0xD0, "OVERWRITE_CONTRECORD"}, {0xB0, "FPI"}, {0xA0, "FPI_FOR_HINT"}, {0, NULL}};
static const struct rmgr_name n12_Transaction[] = {{0x00, "COMMIT"}, {0x10, "PREPARE"}, {0x20, "ABORT"}, {0x30, "COMMIT_PREPARED"}, {0x40, "ABORT_PREPARED"}, {0x50, "ASSIGNMENT"}, {0, NULL}};
static const struct rmgr_name n12_Storage[] = {{0x10, "CREATE"}, {0x20, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n12_CLOG[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n12_Database[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n12_Tablespace[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n12_MultiXact[] = {{0x00, "ZERO_OFF_PAGE"}, {0x10, "ZERO_MEM_PAGE"}, {0x20, "CREATE_ID"}, {0x30, "TRUNCATE_ID"}, {0, NULL}};
static const struct rmgr_name n12_RelMap[] = {{0x00, "UPDATE"}, {0, NULL}};
static const struct rmgr_name n12_Standby[] = {{0x00, "LOCK"}, {0x10, "RUNNING_XACTS"}, {0x20, "INVALIDATIONS"}, {0, NULL}};
static const struct rmgr_name n12_Heap2[] = {{0x10, "CLEAN"}, {0x20, "FREEZE_PAGE"}, {0x30, "CLEANUP_INFO"}, {0x40, "VISIBLE"}, {0x50, "MULTI_INSERT"}, {0xD0, "MULTI_INSERT+INIT"}, {0x60, "LOCK_UPDATED"}, {0x70, "NEW_CID"}, {0x00, "REWRITE"}, {0, NULL}};
static const struct rmgr_name n12_Heap[] = {{0x00, "INSERT"}, {0x80, "INSERT+INIT"}, {0x10, "DELETE"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x40, "HOT_UPDATE"}, {0xC0, "HOT_UPDATE+INIT"}, {0x30, "TRUNCATE"}, {0x50, "HEAP_CONFIRM"}, {0x60, "LOCK"}, {0x70, "INPLACE"}, {0, NULL}};
static const struct rmgr_name n12_Btree[] = {{0x00, "INSERT_LEAF"}, {0x10, "INSERT_UPPER"}, {0x20, "INSERT_META"}, {0x30, "SPLIT_L"}, {0x40, "SPLIT_R"}, {0xC0, "VACUUM"}, {0x70, "DELETE"}, {0xB0, "MARK_PAGE_HALFDEAD"}, {0x80, "UNLINK_PAGE"}, {0x90, "UNLINK_PAGE_META"}, {0xA0, "NEWROOT"}, {0xD0, "REUSE_PAGE"}, {0xE0, "META_CLEANUP"}, {0, NULL}};
static const struct rmgr_name n12_Hash[] = {{0x00, "INIT_META_PAGE"}, {0x10, "INIT_BITMAP_PAGE"}, {0x20, "INSERT"}, {0x30, "ADD_OVFL_PAGE"}, {0x40, "SPLIT_ALLOCATE_PAGE"}, {0x50, "SPLIT_PAGE"}, {0x60, "SPLIT_COMPLETE"}, {0x70, "MOVE_PAGE_CONTENTS"}, {0x80, "SQUEEZE_PAGE"}, {0x90, "DELETE"}, {0xA0, "SPLIT_CLEANUP"}, {0xB0, "UPDATE_META_PAGE"}, {0xC0, "VACUUM_ONE_PAGE"}, {0, NULL}};
static const struct rmgr_name n12_Gin[] = {{0x10, "CREATE_PTREE"}, {0x20, "INSERT"}, {0x30, "SPLIT"}, {0x40, "VACUUM_PAGE"}, {0x90, "VACUUM_DATA_LEAF_PAGE"}, {0x50, "DELETE_PAGE"}, {0x60, "UPDATE_META_PAGE"}, {0x70, "INSERT_LISTPAGE"}, {0x80, "DELETE_LISTPAGE"}, {0, NULL}};
static const struct rmgr_name n12_Gist[] = {{0x00, "PAGE_UPDATE"}, {0x10, "DELETE"}, {0x20, "PAGE_REUSE"}, {0x30, "PAGE_SPLIT"}, {0x60, "PAGE_DELETE"}, {0, NULL}};
static const struct rmgr_name n12_Sequence[] = {{0x00, "LOG"}, {0, NULL}};
static const struct rmgr_name n12_SPGist[] = {{0x10, "ADD_LEAF"}, {0x20, "MOVE_LEAFS"}, {0x30, "ADD_NODE"}, {0x40, "SPLIT_TUPLE"}, {0x50, "PICKSPLIT"}, {0x60, "VACUUM_LEAF"}, {0x70, "VACUUM_ROOT"}, {0x80, "VACUUM_REDIRECT"}, {0, NULL}};
static const struct rmgr_name n12_BRIN[] = {{0x00, "CREATE_INDEX"}, {0x10, "INSERT"}, {0x90, "INSERT+INIT"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x30, "SAMEPAGE_UPDATE"}, {0x40, "REVMAP_EXTEND"}, {0x50, "DESUMMARIZE"}, {0, NULL}};
static const struct rmgr_name n12_CommitTs[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0x20, "SETTS"}, {0, NULL}};
static const struct rmgr_name n12_ReplicationOrigin[] = {{0x00, "SET"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n12_Generic[] = {{0x00, "Generic"}, {0, NULL}};
static const struct rmgr_name n12_LogicalMessage[] = {{0x00, "MESSAGE"}, {0, NULL}};
static const struct rmgr_names names12[RMGR_COUNT] = {
	{0xF0, n12_XLOG},
	{0x70, n12_Transaction},
	{0xF0, n12_Storage},
	{0xF0, n12_CLOG},
	{0xF0, n12_Database},
	{0xF0, n12_Tablespace},
	{0xF0, n12_MultiXact},
	{0xF0, n12_RelMap},
	{0xF0, n12_Standby},
	{0xF0, n12_Heap2},
	{0xF0, n12_Heap},
	{0xF0, n12_Btree},
	{0xF0, n12_Hash},
	{0xF0, n12_Gin},
	{0xF0, n12_Gist},
	{0xF0, n12_Sequence},
	{0xF0, n12_SPGist},
	{0xF0, n12_BRIN},
	{0xFF, n12_CommitTs},
	{0xFF, n12_ReplicationOrigin},
	{0x00, n12_Generic},
	{0xF0, n12_LogicalMessage},
};
static const struct rmgr_name n13_XLOG[] = {{0x00, "CHECKPOINT_SHUTDOWN"}, {0x10, "CHECKPOINT_ONLINE"}, {0x20, "NOOP"}, {0x30, "NEXTOID"}, {0x40, "SWITCH"}, {0x50, "BACKUP_END"}, {0x60, "PARAMETER_CHANGE"}, {0x70, "RESTORE_POINT"}, {0x80, "FPW_CHANGE"}, {0x90, "END_OF_RECOVERY"}, {0xD0, "OVERWRITE_CONTRECORD"}, {0xB0, "FPI"}, {0xA0, "FPI_FOR_HINT"}, {0, NULL}};
static const struct rmgr_name n13_Transaction[] = {{0x00, "COMMIT"}, {0x10, "PREPARE"}, {0x20, "ABORT"}, {0x30, "COMMIT_PREPARED"}, {0x40, "ABORT_PREPARED"}, {0x50, "ASSIGNMENT"}, {0, NULL}};
static const struct rmgr_name n13_Storage[] = {{0x10, "CREATE"}, {0x20, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n13_CLOG[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n13_Database[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n13_Tablespace[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n13_MultiXact[] = {{0x00, "ZERO_OFF_PAGE"}, {0x10, "ZERO_MEM_PAGE"}, {0x20, "CREATE_ID"}, {0x30, "TRUNCATE_ID"}, {0, NULL}};
static const struct rmgr_name n13_RelMap[] = {{0x00, "UPDATE"}, {0, NULL}};
static const struct rmgr_name n13_Standby[] = {{0x00, "LOCK"}, {0x10, "RUNNING_XACTS"}, {0x20, "INVALIDATIONS"}, {0, NULL}};
static const struct rmgr_name n13_Heap2[] = {{0x10, "CLEAN"}, {0x20, "FREEZE_PAGE"}, {0x30, "CLEANUP_INFO"}, {0x40, "VISIBLE"}, {0x50, "MULTI_INSERT"}, {0xD0, "MULTI_INSERT+INIT"}, {0x60, "LOCK_UPDATED"}, {0x70, "NEW_CID"}, {0x00, "REWRITE"}, {0, NULL}};
static const struct rmgr_name n13_Heap[] = {{0x00, "INSERT"}, {0x80, "INSERT+INIT"}, {0x10, "DELETE"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x40, "HOT_UPDATE"}, {0xC0, "HOT_UPDATE+INIT"}, {0x30, "TRUNCATE"}, {0x50, "HEAP_CONFIRM"}, {0x60, "LOCK"}, {0x70, "INPLACE"}, {0, NULL}};
static const struct rmgr_name n13_Btree[] = {{0x00, "INSERT_LEAF"}, {0x10, "INSERT_UPPER"}, {0x20, "INSERT_META"}, {0x30, "SPLIT_L"}, {0x40, "SPLIT_R"}, {0x50, "INSERT_POST"}, {0x60, "DEDUP"}, {0xC0, "VACUUM"}, {0x70, "DELETE"}, {0xB0, "MARK_PAGE_HALFDEAD"}, {0x80, "UNLINK_PAGE"}, {0x90, "UNLINK_PAGE_META"}, {0xA0, "NEWROOT"}, {0xD0, "REUSE_PAGE"}, {0xE0, "META_CLEANUP"}, {0, NULL}};
static const struct rmgr_name n13_Hash[] = {{0x00, "INIT_META_PAGE"}, {0x10, "INIT_BITMAP_PAGE"}, {0x20, "INSERT"}, {0x30, "ADD_OVFL_PAGE"}, {0x40, "SPLIT_ALLOCATE_PAGE"}, {0x50, "SPLIT_PAGE"}, {0x60, "SPLIT_COMPLETE"}, {0x70, "MOVE_PAGE_CONTENTS"}, {0x80, "SQUEEZE_PAGE"}, {0x90, "DELETE"}, {0xA0, "SPLIT_CLEANUP"}, {0xB0, "UPDATE_META_PAGE"}, {0xC0, "VACUUM_ONE_PAGE"}, {0, NULL}};
static const struct rmgr_name n13_Gin[] = {{0x10, "CREATE_PTREE"}, {0x20, "INSERT"}, {0x30, "SPLIT"}, {0x40, "VACUUM_PAGE"}, {0x90, "VACUUM_DATA_LEAF_PAGE"}, {0x50, "DELETE_PAGE"}, {0x60, "UPDATE_META_PAGE"}, {0x70, "INSERT_LISTPAGE"}, {0x80, "DELETE_LISTPAGE"}, {0, NULL}};
static const struct rmgr_name n13_Gist[] = {{0x00, "PAGE_UPDATE"}, {0x10, "DELETE"}, {0x20, "PAGE_REUSE"}, {0x30, "PAGE_SPLIT"}, {0x60, "PAGE_DELETE"}, {0x70, "ASSIGN_LSN"}, {0, NULL}};
static const struct rmgr_name n13_Sequence[] = {{0x00, "LOG"}, {0, NULL}};
static const struct rmgr_name n13_SPGist[] = {{0x10, "ADD_LEAF"}, {0x20, "MOVE_LEAFS"}, {0x30, "ADD_NODE"}, {0x40, "SPLIT_TUPLE"}, {0x50, "PICKSPLIT"}, {0x60, "VACUUM_LEAF"}, {0x70, "VACUUM_ROOT"}, {0x80, "VACUUM_REDIRECT"}, {0, NULL}};
static const struct rmgr_name n13_BRIN[] = {{0x00, "CREATE_INDEX"}, {0x10, "INSERT"}, {0x90, "INSERT+INIT"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x30, "SAMEPAGE_UPDATE"}, {0x40, "REVMAP_EXTEND"}, {0x50, "DESUMMARIZE"}, {0, NULL}};
static const struct rmgr_name n13_CommitTs[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0x20, "SETTS"}, {0, NULL}};
static const struct rmgr_name n13_ReplicationOrigin[] = {{0x00, "SET"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n13_Generic[] = {{0x00, "Generic"}, {0, NULL}};
static const struct rmgr_name n13_LogicalMessage[] = {{0x00, "MESSAGE"}, {0, NULL}};
static const struct rmgr_names names13[RMGR_COUNT] = {
	{0xF0, n13_XLOG},
	{0x70, n13_Transaction},
	{0xF0, n13_Storage},
	{0xF0, n13_CLOG},
	{0xF0, n13_Database},
	{0xF0, n13_Tablespace},
	{0xF0, n13_MultiXact},
	{0xF0, n13_RelMap},
	{0xF0, n13_Standby},
	{0xF0, n13_Heap2},
	{0xF0, n13_Heap},
	{0xF0, n13_Btree},
	{0xF0, n13_Hash},
	{0xF0, n13_Gin},
	{0xF0, n13_Gist},
	{0xF0, n13_Sequence},
	{0xF0, n13_SPGist},
	{0xF0, n13_BRIN},
	{0xFF, n13_CommitTs},
	{0xFF, n13_ReplicationOrigin},
	{0x00, n13_Generic},
	{0xF0, n13_LogicalMessage},
};
static const struct rmgr_name n14_XLOG[] = {{0x00, "CHECKPOINT_SHUTDOWN"}, {0x10, "CHECKPOINT_ONLINE"}, {0x20, "NOOP"}, {0x30, "NEXTOID"}, {0x40, "SWITCH"}, {0x50, "BACKUP_END"}, {0x60, "PARAMETER_CHANGE"}, {0x70, "RESTORE_POINT"}, {0x80, "FPW_CHANGE"}, {0x90, "END_OF_RECOVERY"}, {0xD0, "OVERWRITE_CONTRECORD"}, {0xB0, "FPI"}, {0xA0, "FPI_FOR_HINT"}, {0, NULL}};
static const struct rmgr_name n14_Transaction[] = {{0x00, "COMMIT"}, {0x10, "PREPARE"}, {0x20, "ABORT"}, {0x30, "COMMIT_PREPARED"}, {0x40, "ABORT_PREPARED"}, {0x50, "ASSIGNMENT"}, {0x60, "INVALIDATION"}, {0, NULL}};
static const struct rmgr_name n14_Storage[] = {{0x10, "CREATE"}, {0x20, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n14_CLOG[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n14_Database[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n14_Tablespace[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n14_MultiXact[] = {{0x00, "ZERO_OFF_PAGE"}, {0x10, "ZERO_MEM_PAGE"}, {0x20, "CREATE_ID"}, {0x30, "TRUNCATE_ID"}, {0, NULL}};
static const struct rmgr_name n14_RelMap[] = {{0x00, "UPDATE"}, {0, NULL}};
static const struct rmgr_name n14_Standby[] = {{0x00, "LOCK"}, {0x10, "RUNNING_XACTS"}, {0x20, "INVALIDATIONS"}, {0, NULL}};
static const struct rmgr_name n14_Heap2[] = {{0x10, "PRUNE"}, {0x20, "VACUUM"}, {0x30, "FREEZE_PAGE"}, {0x40, "VISIBLE"}, {0x50, "MULTI_INSERT"}, {0xD0, "MULTI_INSERT+INIT"}, {0x60, "LOCK_UPDATED"}, {0x70, "NEW_CID"}, {0x00, "REWRITE"}, {0, NULL}};
static const struct rmgr_name n14_Heap[] = {{0x00, "INSERT"}, {0x80, "INSERT+INIT"}, {0x10, "DELETE"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x40, "HOT_UPDATE"}, {0xC0, "HOT_UPDATE+INIT"}, {0x30, "TRUNCATE"}, {0x50, "HEAP_CONFIRM"}, {0x60, "LOCK"}, {0x70, "INPLACE"}, {0, NULL}};
static const struct rmgr_name n14_Btree[] = {{0x00, "INSERT_LEAF"}, {0x10, "INSERT_UPPER"}, {0x20, "INSERT_META"}, {0x30, "SPLIT_L"}, {0x40, "SPLIT_R"}, {0x50, "INSERT_POST"}, {0x60, "DEDUP"}, {0xC0, "VACUUM"}, {0x70, "DELETE"}, {0xB0, "MARK_PAGE_HALFDEAD"}, {0x80, "UNLINK_PAGE"}, {0x90, "UNLINK_PAGE_META"}, {0xA0, "NEWROOT"}, {0xD0, "REUSE_PAGE"}, {0xE0, "META_CLEANUP"}, {0, NULL}};
static const struct rmgr_name n14_Hash[] = {{0x00, "INIT_META_PAGE"}, {0x10, "INIT_BITMAP_PAGE"}, {0x20, "INSERT"}, {0x30, "ADD_OVFL_PAGE"}, {0x40, "SPLIT_ALLOCATE_PAGE"}, {0x50, "SPLIT_PAGE"}, {0x60, "SPLIT_COMPLETE"}, {0x70, "MOVE_PAGE_CONTENTS"}, {0x80, "SQUEEZE_PAGE"}, {0x90, "DELETE"}, {0xA0, "SPLIT_CLEANUP"}, {0xB0, "UPDATE_META_PAGE"}, {0xC0, "VACUUM_ONE_PAGE"}, {0, NULL}};
static const struct rmgr_name n14_Gin[] = {{0x10, "CREATE_PTREE"}, {0x20, "INSERT"}, {0x30, "SPLIT"}, {0x40, "VACUUM_PAGE"}, {0x90, "VACUUM_DATA_LEAF_PAGE"}, {0x50, "DELETE_PAGE"}, {0x60, "UPDATE_META_PAGE"}, {0x70, "INSERT_LISTPAGE"}, {0x80, "DELETE_LISTPAGE"}, {0, NULL}};
static const struct rmgr_name n14_Gist[] = {{0x00, "PAGE_UPDATE"}, {0x10, "DELETE"}, {0x20, "PAGE_REUSE"}, {0x30, "PAGE_SPLIT"}, {0x60, "PAGE_DELETE"}, {0x70, "ASSIGN_LSN"}, {0, NULL}};
static const struct rmgr_name n14_Sequence[] = {{0x00, "LOG"}, {0, NULL}};
static const struct rmgr_name n14_SPGist[] = {{0x10, "ADD_LEAF"}, {0x20, "MOVE_LEAFS"}, {0x30, "ADD_NODE"}, {0x40, "SPLIT_TUPLE"}, {0x50, "PICKSPLIT"}, {0x60, "VACUUM_LEAF"}, {0x70, "VACUUM_ROOT"}, {0x80, "VACUUM_REDIRECT"}, {0, NULL}};
static const struct rmgr_name n14_BRIN[] = {{0x00, "CREATE_INDEX"}, {0x10, "INSERT"}, {0x90, "INSERT+INIT"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x30, "SAMEPAGE_UPDATE"}, {0x40, "REVMAP_EXTEND"}, {0x50, "DESUMMARIZE"}, {0, NULL}};
static const struct rmgr_name n14_CommitTs[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n14_ReplicationOrigin[] = {{0x00, "SET"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n14_Generic[] = {{0x00, "Generic"}, {0, NULL}};
static const struct rmgr_name n14_LogicalMessage[] = {{0x00, "MESSAGE"}, {0, NULL}};
static const struct rmgr_names names14[RMGR_COUNT] = {
	{0xF0, n14_XLOG},
	{0x70, n14_Transaction},
	{0xF0, n14_Storage},
	{0xF0, n14_CLOG},
	{0xF0, n14_Database},
	{0xF0, n14_Tablespace},
	{0xF0, n14_MultiXact},
	{0xF0, n14_RelMap},
	{0xF0, n14_Standby},
	{0xF0, n14_Heap2},
	{0xF0, n14_Heap},
	{0xF0, n14_Btree},
	{0xF0, n14_Hash},
	{0xF0, n14_Gin},
	{0xF0, n14_Gist},
	{0xF0, n14_Sequence},
	{0xF0, n14_SPGist},
	{0xF0, n14_BRIN},
	{0xFF, n14_CommitTs},
	{0xFF, n14_ReplicationOrigin},
	{0x00, n14_Generic},
	{0xF0, n14_LogicalMessage},
};
static const struct rmgr_name n15_XLOG[] = {{0x00, "CHECKPOINT_SHUTDOWN"}, {0x10, "CHECKPOINT_ONLINE"}, {0x20, "NOOP"}, {0x30, "NEXTOID"}, {0x40, "SWITCH"}, {0x50, "BACKUP_END"}, {0x60, "PARAMETER_CHANGE"}, {0x70, "RESTORE_POINT"}, {0x80, "FPW_CHANGE"}, {0x90, "END_OF_RECOVERY"}, {0xD0, "OVERWRITE_CONTRECORD"}, {0xB0, "FPI"}, {0xA0, "FPI_FOR_HINT"}, {0, NULL}};
static const struct rmgr_name n15_Transaction[] = {{0x00, "COMMIT"}, {0x10, "PREPARE"}, {0x20, "ABORT"}, {0x30, "COMMIT_PREPARED"}, {0x40, "ABORT_PREPARED"}, {0x50, "ASSIGNMENT"}, {0x60, "INVALIDATION"}, {0, NULL}};
static const struct rmgr_name n15_Storage[] = {{0x10, "CREATE"}, {0x20, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n15_CLOG[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n15_Database[] = {{0x00, "CREATE_FILE_COPY"}, {0x10, "CREATE_WAL_LOG"}, {0x20, "DROP"}, {0, NULL}};
static const struct rmgr_name n15_Tablespace[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n15_MultiXact[] = {{0x00, "ZERO_OFF_PAGE"}, {0x10, "ZERO_MEM_PAGE"}, {0x20, "CREATE_ID"}, {0x30, "TRUNCATE_ID"}, {0, NULL}};
static const struct rmgr_name n15_RelMap[] = {{0x00, "UPDATE"}, {0, NULL}};
static const struct rmgr_name n15_Standby[] = {{0x00, "LOCK"}, {0x10, "RUNNING_XACTS"}, {0x20, "INVALIDATIONS"}, {0, NULL}};
static const struct rmgr_name n15_Heap2[] = {{0x10, "PRUNE"}, {0x20, "VACUUM"}, {0x30, "FREEZE_PAGE"}, {0x40, "VISIBLE"}, {0x50, "MULTI_INSERT"}, {0xD0, "MULTI_INSERT+INIT"}, {0x60, "LOCK_UPDATED"}, {0x70, "NEW_CID"}, {0x00, "REWRITE"}, {0, NULL}};
static const struct rmgr_name n15_Heap[] = {{0x00, "INSERT"}, {0x80, "INSERT+INIT"}, {0x10, "DELETE"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x40, "HOT_UPDATE"}, {0xC0, "HOT_UPDATE+INIT"}, {0x30, "TRUNCATE"}, {0x50, "HEAP_CONFIRM"}, {0x60, "LOCK"}, {0x70, "INPLACE"}, {0, NULL}};
static const struct rmgr_name n15_Btree[] = {{0x00, "INSERT_LEAF"}, {0x10, "INSERT_UPPER"}, {0x20, "INSERT_META"}, {0x30, "SPLIT_L"}, {0x40, "SPLIT_R"}, {0x50, "INSERT_POST"}, {0x60, "DEDUP"}, {0xC0, "VACUUM"}, {0x70, "DELETE"}, {0xB0, "MARK_PAGE_HALFDEAD"}, {0x80, "UNLINK_PAGE"}, {0x90, "UNLINK_PAGE_META"}, {0xA0, "NEWROOT"}, {0xD0, "REUSE_PAGE"}, {0xE0, "META_CLEANUP"}, {0, NULL}};
static const struct rmgr_name n15_Hash[] = {{0x00, "INIT_META_PAGE"}, {0x10, "INIT_BITMAP_PAGE"}, {0x20, "INSERT"}, {0x30, "ADD_OVFL_PAGE"}, {0x40, "SPLIT_ALLOCATE_PAGE"}, {0x50, "SPLIT_PAGE"}, {0x60, "SPLIT_COMPLETE"}, {0x70, "MOVE_PAGE_CONTENTS"}, {0x80, "SQUEEZE_PAGE"}, {0x90, "DELETE"}, {0xA0, "SPLIT_CLEANUP"}, {0xB0, "UPDATE_META_PAGE"}, {0xC0, "VACUUM_ONE_PAGE"}, {0, NULL}};
static const struct rmgr_name n15_Gin[] = {{0x10, "CREATE_PTREE"}, {0x20, "INSERT"}, {0x30, "SPLIT"}, {0x40, "VACUUM_PAGE"}, {0x90, "VACUUM_DATA_LEAF_PAGE"}, {0x50, "DELETE_PAGE"}, {0x60, "UPDATE_META_PAGE"}, {0x70, "INSERT_LISTPAGE"}, {0x80, "DELETE_LISTPAGE"}, {0, NULL}};
static const struct rmgr_name n15_Gist[] = {{0x00, "PAGE_UPDATE"}, {0x10, "DELETE"}, {0x20, "PAGE_REUSE"}, {0x30, "PAGE_SPLIT"}, {0x60, "PAGE_DELETE"}, {0x70, "ASSIGN_LSN"}, {0, NULL}};
static const struct rmgr_name n15_Sequence[] = {{0x00, "LOG"}, {0, NULL}};
static const struct rmgr_name n15_SPGist[] = {{0x10, "ADD_LEAF"}, {0x20, "MOVE_LEAFS"}, {0x30, "ADD_NODE"}, {0x40, "SPLIT_TUPLE"}, {0x50, "PICKSPLIT"}, {0x60, "VACUUM_LEAF"}, {0x70, "VACUUM_ROOT"}, {0x80, "VACUUM_REDIRECT"}, {0, NULL}};
static const struct rmgr_name n15_BRIN[] = {{0x00, "CREATE_INDEX"}, {0x10, "INSERT"}, {0x90, "INSERT+INIT"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x30, "SAMEPAGE_UPDATE"}, {0x40, "REVMAP_EXTEND"}, {0x50, "DESUMMARIZE"}, {0, NULL}};
static const struct rmgr_name n15_CommitTs[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n15_ReplicationOrigin[] = {{0x00, "SET"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n15_Generic[] = {{0x00, "Generic"}, {0, NULL}};
static const struct rmgr_name n15_LogicalMessage[] = {{0x00, "MESSAGE"}, {0, NULL}};
static const struct rmgr_names names15[RMGR_COUNT] = {
	{0xF0, n15_XLOG},
	{0x70, n15_Transaction},
	{0xF0, n15_Storage},
	{0xF0, n15_CLOG},
	{0xF0, n15_Database},
	{0xF0, n15_Tablespace},
	{0xF0, n15_MultiXact},
	{0xF0, n15_RelMap},
	{0xF0, n15_Standby},
	{0xF0, n15_Heap2},
	{0xF0, n15_Heap},
	{0xF0, n15_Btree},
	{0xF0, n15_Hash},
	{0xF0, n15_Gin},
	{0xF0, n15_Gist},
	{0xF0, n15_Sequence},
	{0xF0, n15_SPGist},
	{0xF0, n15_BRIN},
	{0xFF, n15_CommitTs},
	{0xFF, n15_ReplicationOrigin},
	{0x00, n15_Generic},
	{0xF0, n15_LogicalMessage},
};
static const struct rmgr_name n16_XLOG[] = {{0x00, "CHECKPOINT_SHUTDOWN"}, {0x10, "CHECKPOINT_ONLINE"}, {0x20, "NOOP"}, {0x30, "NEXTOID"}, {0x40, "SWITCH"}, {0x50, "BACKUP_END"}, {0x60, "PARAMETER_CHANGE"}, {0x70, "RESTORE_POINT"}, {0x80, "FPW_CHANGE"}, {0x90, "END_OF_RECOVERY"}, {0xD0, "OVERWRITE_CONTRECORD"}, {0xB0, "FPI"}, {0xA0, "FPI_FOR_HINT"}, {0, NULL}};
static const struct rmgr_name n16_Transaction[] = {{0x00, "COMMIT"}, {0x10, "PREPARE"}, {0x20, "ABORT"}, {0x30, "COMMIT_PREPARED"}, {0x40, "ABORT_PREPARED"}, {0x50, "ASSIGNMENT"}, {0x60, "INVALIDATION"}, {0, NULL}};
static const struct rmgr_name n16_Storage[] = {{0x10, "CREATE"}, {0x20, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n16_CLOG[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n16_Database[] = {{0x00, "CREATE_FILE_COPY"}, {0x10, "CREATE_WAL_LOG"}, {0x20, "DROP"}, {0, NULL}};
static const struct rmgr_name n16_Tablespace[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n16_MultiXact[] = {{0x00, "ZERO_OFF_PAGE"}, {0x10, "ZERO_MEM_PAGE"}, {0x20, "CREATE_ID"}, {0x30, "TRUNCATE_ID"}, {0, NULL}};
static const struct rmgr_name n16_RelMap[] = {{0x00, "UPDATE"}, {0, NULL}};
static const struct rmgr_name n16_Standby[] = {{0x00, "LOCK"}, {0x10, "RUNNING_XACTS"}, {0x20, "INVALIDATIONS"}, {0, NULL}};
static const struct rmgr_name n16_Heap2[] = {{0x10, "PRUNE"}, {0x20, "VACUUM"}, {0x30, "FREEZE_PAGE"}, {0x40, "VISIBLE"}, {0x50, "MULTI_INSERT"}, {0xD0, "MULTI_INSERT+INIT"}, {0x60, "LOCK_UPDATED"}, {0x70, "NEW_CID"}, {0x00, "REWRITE"}, {0, NULL}};
static const struct rmgr_name n16_Heap[] = {{0x00, "INSERT"}, {0x80, "INSERT+INIT"}, {0x10, "DELETE"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x40, "HOT_UPDATE"}, {0xC0, "HOT_UPDATE+INIT"}, {0x30, "TRUNCATE"}, {0x50, "HEAP_CONFIRM"}, {0x60, "LOCK"}, {0x70, "INPLACE"}, {0, NULL}};
static const struct rmgr_name n16_Btree[] = {{0x00, "INSERT_LEAF"}, {0x10, "INSERT_UPPER"}, {0x20, "INSERT_META"}, {0x30, "SPLIT_L"}, {0x40, "SPLIT_R"}, {0x50, "INSERT_POST"}, {0x60, "DEDUP"}, {0xC0, "VACUUM"}, {0x70, "DELETE"}, {0xB0, "MARK_PAGE_HALFDEAD"}, {0x80, "UNLINK_PAGE"}, {0x90, "UNLINK_PAGE_META"}, {0xA0, "NEWROOT"}, {0xD0, "REUSE_PAGE"}, {0xE0, "META_CLEANUP"}, {0, NULL}};
static const struct rmgr_name n16_Hash[] = {{0x00, "INIT_META_PAGE"}, {0x10, "INIT_BITMAP_PAGE"}, {0x20, "INSERT"}, {0x30, "ADD_OVFL_PAGE"}, {0x40, "SPLIT_ALLOCATE_PAGE"}, {0x50, "SPLIT_PAGE"}, {0x60, "SPLIT_COMPLETE"}, {0x70, "MOVE_PAGE_CONTENTS"}, {0x80, "SQUEEZE_PAGE"}, {0x90, "DELETE"}, {0xA0, "SPLIT_CLEANUP"}, {0xB0, "UPDATE_META_PAGE"}, {0xC0, "VACUUM_ONE_PAGE"}, {0, NULL}};
static const struct rmgr_name n16_Gin[] = {{0x10, "CREATE_PTREE"}, {0x20, "INSERT"}, {0x30, "SPLIT"}, {0x40, "VACUUM_PAGE"}, {0x90, "VACUUM_DATA_LEAF_PAGE"}, {0x50, "DELETE_PAGE"}, {0x60, "UPDATE_META_PAGE"}, {0x70, "INSERT_LISTPAGE"}, {0x80, "DELETE_LISTPAGE"}, {0, NULL}};
static const struct rmgr_name n16_Gist[] = {{0x00, "PAGE_UPDATE"}, {0x10, "DELETE"}, {0x20, "PAGE_REUSE"}, {0x30, "PAGE_SPLIT"}, {0x60, "PAGE_DELETE"}, {0x70, "ASSIGN_LSN"}, {0, NULL}};
static const struct rmgr_name n16_Sequence[] = {{0x00, "LOG"}, {0, NULL}};
static const struct rmgr_name n16_SPGist[] = {{0x10, "ADD_LEAF"}, {0x20, "MOVE_LEAFS"}, {0x30, "ADD_NODE"}, {0x40, "SPLIT_TUPLE"}, {0x50, "PICKSPLIT"}, {0x60, "VACUUM_LEAF"}, {0x70, "VACUUM_ROOT"}, {0x80, "VACUUM_REDIRECT"}, {0, NULL}};
static const struct rmgr_name n16_BRIN[] = {{0x00, "CREATE_INDEX"}, {0x10, "INSERT"}, {0x90, "INSERT+INIT"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x30, "SAMEPAGE_UPDATE"}, {0x40, "REVMAP_EXTEND"}, {0x50, "DESUMMARIZE"}, {0, NULL}};
static const struct rmgr_name n16_CommitTs[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n16_ReplicationOrigin[] = {{0x00, "SET"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n16_Generic[] = {{0x00, "Generic"}, {0, NULL}};
static const struct rmgr_name n16_LogicalMessage[] = {{0x00, "MESSAGE"}, {0, NULL}};
static const struct rmgr_names names16[RMGR_COUNT] = {
	{0xF0, n16_XLOG},
	{0x70, n16_Transaction},
	{0xF0, n16_Storage},
	{0xF0, n16_CLOG},
	{0xF0, n16_Database},
	{0xF0, n16_Tablespace},
	{0xF0, n16_MultiXact},
	{0xF0, n16_RelMap},
	{0xF0, n16_Standby},
	{0xF0, n16_Heap2},
	{0xF0, n16_Heap},
	{0xF0, n16_Btree},
	{0xF0, n16_Hash},
	{0xF0, n16_Gin},
	{0xF0, n16_Gist},
	{0xF0, n16_Sequence},
	{0xF0, n16_SPGist},
	{0xF0, n16_BRIN},
	{0xFF, n16_CommitTs},
	{0xFF, n16_ReplicationOrigin},
	{0x00, n16_Generic},
	{0xF0, n16_LogicalMessage},
};
static const struct rmgr_name n17_XLOG[] = {{0x00, "CHECKPOINT_SHUTDOWN"}, {0x10, "CHECKPOINT_ONLINE"}, {0x20, "NOOP"}, {0x30, "NEXTOID"}, {0x40, "SWITCH"}, {0x50, "BACKUP_END"}, {0x60, "PARAMETER_CHANGE"}, {0x70, "RESTORE_POINT"}, {0x80, "FPW_CHANGE"}, {0x90, "END_OF_RECOVERY"}, {0xD0, "OVERWRITE_CONTRECORD"}, {0xB0, "FPI"}, {0xA0, "FPI_FOR_HINT"}, {0xE0, "CHECKPOINT_REDO"}, {0, NULL}};
static const struct rmgr_name n17_Transaction[] = {{0x00, "COMMIT"}, {0x10, "PREPARE"}, {0x20, "ABORT"}, {0x30, "COMMIT_PREPARED"}, {0x40, "ABORT_PREPARED"}, {0x50, "ASSIGNMENT"}, {0x60, "INVALIDATION"}, {0, NULL}};
static const struct rmgr_name n17_Storage[] = {{0x10, "CREATE"}, {0x20, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n17_CLOG[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n17_Database[] = {{0x00, "CREATE_FILE_COPY"}, {0x10, "CREATE_WAL_LOG"}, {0x20, "DROP"}, {0, NULL}};
static const struct rmgr_name n17_Tablespace[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n17_MultiXact[] = {{0x00, "ZERO_OFF_PAGE"}, {0x10, "ZERO_MEM_PAGE"}, {0x20, "CREATE_ID"}, {0x30, "TRUNCATE_ID"}, {0, NULL}};
static const struct rmgr_name n17_RelMap[] = {{0x00, "UPDATE"}, {0, NULL}};
static const struct rmgr_name n17_Standby[] = {{0x00, "LOCK"}, {0x10, "RUNNING_XACTS"}, {0x20, "INVALIDATIONS"}, {0, NULL}};
static const struct rmgr_name n17_Heap2[] = {{0x10, "PRUNE_ON_ACCESS"}, {0x20, "PRUNE_VACUUM_SCAN"}, {0x30, "PRUNE_VACUUM_CLEANUP"}, {0x40, "VISIBLE"}, {0x50, "MULTI_INSERT"}, {0xD0, "MULTI_INSERT+INIT"}, {0x60, "LOCK_UPDATED"}, {0x70, "NEW_CID"}, {0x00, "REWRITE"}, {0, NULL}};
static const struct rmgr_name n17_Heap[] = {{0x00, "INSERT"}, {0x80, "INSERT+INIT"}, {0x10, "DELETE"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x40, "HOT_UPDATE"}, {0xC0, "HOT_UPDATE+INIT"}, {0x30, "TRUNCATE"}, {0x50, "HEAP_CONFIRM"}, {0x60, "LOCK"}, {0x70, "INPLACE"}, {0, NULL}};
static const struct rmgr_name n17_Btree[] = {{0x00, "INSERT_LEAF"}, {0x10, "INSERT_UPPER"}, {0x20, "INSERT_META"}, {0x30, "SPLIT_L"}, {0x40, "SPLIT_R"}, {0x50, "INSERT_POST"}, {0x60, "DEDUP"}, {0xC0, "VACUUM"}, {0x70, "DELETE"}, {0xB0, "MARK_PAGE_HALFDEAD"}, {0x80, "UNLINK_PAGE"}, {0x90, "UNLINK_PAGE_META"}, {0xA0, "NEWROOT"}, {0xD0, "REUSE_PAGE"}, {0xE0, "META_CLEANUP"}, {0, NULL}};
static const struct rmgr_name n17_Hash[] = {{0x00, "INIT_META_PAGE"}, {0x10, "INIT_BITMAP_PAGE"}, {0x20, "INSERT"}, {0x30, "ADD_OVFL_PAGE"}, {0x40, "SPLIT_ALLOCATE_PAGE"}, {0x50, "SPLIT_PAGE"}, {0x60, "SPLIT_COMPLETE"}, {0x70, "MOVE_PAGE_CONTENTS"}, {0x80, "SQUEEZE_PAGE"}, {0x90, "DELETE"}, {0xA0, "SPLIT_CLEANUP"}, {0xB0, "UPDATE_META_PAGE"}, {0xC0, "VACUUM_ONE_PAGE"}, {0, NULL}};
static const struct rmgr_name n17_Gin[] = {{0x10, "CREATE_PTREE"}, {0x20, "INSERT"}, {0x30, "SPLIT"}, {0x40, "VACUUM_PAGE"}, {0x90, "VACUUM_DATA_LEAF_PAGE"}, {0x50, "DELETE_PAGE"}, {0x60, "UPDATE_META_PAGE"}, {0x70, "INSERT_LISTPAGE"}, {0x80, "DELETE_LISTPAGE"}, {0, NULL}};
static const struct rmgr_name n17_Gist[] = {{0x00, "PAGE_UPDATE"}, {0x10, "DELETE"}, {0x20, "PAGE_REUSE"}, {0x30, "PAGE_SPLIT"}, {0x60, "PAGE_DELETE"}, {0x70, "ASSIGN_LSN"}, {0, NULL}};
static const struct rmgr_name n17_Sequence[] = {{0x00, "LOG"}, {0, NULL}};
static const struct rmgr_name n17_SPGist[] = {{0x10, "ADD_LEAF"}, {0x20, "MOVE_LEAFS"}, {0x30, "ADD_NODE"}, {0x40, "SPLIT_TUPLE"}, {0x50, "PICKSPLIT"}, {0x60, "VACUUM_LEAF"}, {0x70, "VACUUM_ROOT"}, {0x80, "VACUUM_REDIRECT"}, {0, NULL}};
static const struct rmgr_name n17_BRIN[] = {{0x00, "CREATE_INDEX"}, {0x10, "INSERT"}, {0x90, "INSERT+INIT"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x30, "SAMEPAGE_UPDATE"}, {0x40, "REVMAP_EXTEND"}, {0x50, "DESUMMARIZE"}, {0, NULL}};
static const struct rmgr_name n17_CommitTs[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n17_ReplicationOrigin[] = {{0x00, "SET"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n17_Generic[] = {{0x00, "Generic"}, {0, NULL}};
static const struct rmgr_name n17_LogicalMessage[] = {{0x00, "MESSAGE"}, {0, NULL}};
static const struct rmgr_names names17[RMGR_COUNT] = {
	{0xF0, n17_XLOG},
	{0x70, n17_Transaction},
	{0xF0, n17_Storage},
	{0xF0, n17_CLOG},
	{0xF0, n17_Database},
	{0xF0, n17_Tablespace},
	{0xF0, n17_MultiXact},
	{0xF0, n17_RelMap},
	{0xF0, n17_Standby},
	{0xF0, n17_Heap2},
	{0xF0, n17_Heap},
	{0xF0, n17_Btree},
	{0xF0, n17_Hash},
	{0xF0, n17_Gin},
	{0xF0, n17_Gist},
	{0xF0, n17_Sequence},
	{0xF0, n17_SPGist},
	{0xF0, n17_BRIN},
	{0xFF, n17_CommitTs},
	{0xFF, n17_ReplicationOrigin},
	{0x00, n17_Generic},
	{0xF0, n17_LogicalMessage},
};
static const struct rmgr_name n18_XLOG[] = {{0x00, "CHECKPOINT_SHUTDOWN"}, {0x10, "CHECKPOINT_ONLINE"}, {0x20, "NOOP"}, {0x30, "NEXTOID"}, {0x40, "SWITCH"}, {0x50, "BACKUP_END"}, {0x60, "PARAMETER_CHANGE"}, {0x70, "RESTORE_POINT"}, {0x80, "FPW_CHANGE"}, {0x90, "END_OF_RECOVERY"}, {0xD0, "OVERWRITE_CONTRECORD"}, {0xB0, "FPI"}, {0xA0, "FPI_FOR_HINT"}, {0xE0, "CHECKPOINT_REDO"}, {0, NULL}};
static const struct rmgr_name n18_Transaction[] = {{0x00, "COMMIT"}, {0x10, "PREPARE"}, {0x20, "ABORT"}, {0x30, "COMMIT_PREPARED"}, {0x40, "ABORT_PREPARED"}, {0x50, "ASSIGNMENT"}, {0x60, "INVALIDATION"}, {0, NULL}};
static const struct rmgr_name n18_Storage[] = {{0x10, "CREATE"}, {0x20, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n18_CLOG[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n18_Database[] = {{0x00, "CREATE_FILE_COPY"}, {0x10, "CREATE_WAL_LOG"}, {0x20, "DROP"}, {0, NULL}};
static const struct rmgr_name n18_Tablespace[] = {{0x00, "CREATE"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n18_MultiXact[] = {{0x00, "ZERO_OFF_PAGE"}, {0x10, "ZERO_MEM_PAGE"}, {0x20, "CREATE_ID"}, {0x30, "TRUNCATE_ID"}, {0, NULL}};
static const struct rmgr_name n18_RelMap[] = {{0x00, "UPDATE"}, {0, NULL}};
static const struct rmgr_name n18_Standby[] = {{0x00, "LOCK"}, {0x10, "RUNNING_XACTS"}, {0x20, "INVALIDATIONS"}, {0, NULL}};
static const struct rmgr_name n18_Heap2[] = {{0x10, "PRUNE_ON_ACCESS"}, {0x20, "PRUNE_VACUUM_SCAN"}, {0x30, "PRUNE_VACUUM_CLEANUP"}, {0x40, "VISIBLE"}, {0x50, "MULTI_INSERT"}, {0xD0, "MULTI_INSERT+INIT"}, {0x60, "LOCK_UPDATED"}, {0x70, "NEW_CID"}, {0x00, "REWRITE"}, {0, NULL}};
static const struct rmgr_name n18_Heap[] = {{0x00, "INSERT"}, {0x80, "INSERT+INIT"}, {0x10, "DELETE"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x40, "HOT_UPDATE"}, {0xC0, "HOT_UPDATE+INIT"}, {0x30, "TRUNCATE"}, {0x50, "HEAP_CONFIRM"}, {0x60, "LOCK"}, {0x70, "INPLACE"}, {0, NULL}};
static const struct rmgr_name n18_Btree[] = {{0x00, "INSERT_LEAF"}, {0x10, "INSERT_UPPER"}, {0x20, "INSERT_META"}, {0x30, "SPLIT_L"}, {0x40, "SPLIT_R"}, {0x50, "INSERT_POST"}, {0x60, "DEDUP"}, {0xC0, "VACUUM"}, {0x70, "DELETE"}, {0xB0, "MARK_PAGE_HALFDEAD"}, {0x80, "UNLINK_PAGE"}, {0x90, "UNLINK_PAGE_META"}, {0xA0, "NEWROOT"}, {0xD0, "REUSE_PAGE"}, {0xE0, "META_CLEANUP"}, {0, NULL}};
static const struct rmgr_name n18_Hash[] = {{0x00, "INIT_META_PAGE"}, {0x10, "INIT_BITMAP_PAGE"}, {0x20, "INSERT"}, {0x30, "ADD_OVFL_PAGE"}, {0x40, "SPLIT_ALLOCATE_PAGE"}, {0x50, "SPLIT_PAGE"}, {0x60, "SPLIT_COMPLETE"}, {0x70, "MOVE_PAGE_CONTENTS"}, {0x80, "SQUEEZE_PAGE"}, {0x90, "DELETE"}, {0xA0, "SPLIT_CLEANUP"}, {0xB0, "UPDATE_META_PAGE"}, {0xC0, "VACUUM_ONE_PAGE"}, {0, NULL}};
static const struct rmgr_name n18_Gin[] = {{0x10, "CREATE_PTREE"}, {0x20, "INSERT"}, {0x30, "SPLIT"}, {0x40, "VACUUM_PAGE"}, {0x90, "VACUUM_DATA_LEAF_PAGE"}, {0x50, "DELETE_PAGE"}, {0x60, "UPDATE_META_PAGE"}, {0x70, "INSERT_LISTPAGE"}, {0x80, "DELETE_LISTPAGE"}, {0, NULL}};
static const struct rmgr_name n18_Gist[] = {{0x00, "PAGE_UPDATE"}, {0x10, "DELETE"}, {0x20, "PAGE_REUSE"}, {0x30, "PAGE_SPLIT"}, {0x60, "PAGE_DELETE"}, {0x70, "ASSIGN_LSN"}, {0, NULL}};
static const struct rmgr_name n18_Sequence[] = {{0x00, "LOG"}, {0, NULL}};
static const struct rmgr_name n18_SPGist[] = {{0x10, "ADD_LEAF"}, {0x20, "MOVE_LEAFS"}, {0x30, "ADD_NODE"}, {0x40, "SPLIT_TUPLE"}, {0x50, "PICKSPLIT"}, {0x60, "VACUUM_LEAF"}, {0x70, "VACUUM_ROOT"}, {0x80, "VACUUM_REDIRECT"}, {0, NULL}};
static const struct rmgr_name n18_BRIN[] = {{0x00, "CREATE_INDEX"}, {0x10, "INSERT"}, {0x90, "INSERT+INIT"}, {0x20, "UPDATE"}, {0xA0, "UPDATE+INIT"}, {0x30, "SAMEPAGE_UPDATE"}, {0x40, "REVMAP_EXTEND"}, {0x50, "DESUMMARIZE"}, {0, NULL}};
static const struct rmgr_name n18_CommitTs[] = {{0x00, "ZEROPAGE"}, {0x10, "TRUNCATE"}, {0, NULL}};
static const struct rmgr_name n18_ReplicationOrigin[] = {{0x00, "SET"}, {0x10, "DROP"}, {0, NULL}};
static const struct rmgr_name n18_Generic[] = {{0x00, "Generic"}, {0, NULL}};
static const struct rmgr_name n18_LogicalMessage[] = {{0x00, "MESSAGE"}, {0, NULL}};
static const struct rmgr_names names18[RMGR_COUNT] = {
	{0xF0, n18_XLOG},
	{0x70, n18_Transaction},
	{0xF0, n18_Storage},
	{0xF0, n18_CLOG},
	{0xF0, n18_Database},
	{0xF0, n18_Tablespace},
	{0xF0, n18_MultiXact},
	{0xF0, n18_RelMap},
	{0xF0, n18_Standby},
	{0xF0, n18_Heap2},
	{0xF0, n18_Heap},
	{0xF0, n18_Btree},
	{0xF0, n18_Hash},
	{0xF0, n18_Gin},
	{0xF0, n18_Gist},
	{0xF0, n18_Sequence},
	{0xF0, n18_SPGist},
	{0xF0, n18_BRIN},
	{0xFF, n18_CommitTs},
	{0xFF, n18_ReplicationOrigin},
	{0x00, n18_Generic},
	{0xF0, n18_LogicalMessage},
};

const struct rmgr_names *const rmgr_names_by_major[9] = {names10, names11, names12, names13, names14, names15, names16, names17, names18};

int
rmgr_parse_list(const char *arg, bool filter[RMGR_COUNT])
{
	char	   *copy = strdup(arg),
			   *tok,
			   *save = NULL;
	int			ok = 0;

	if (copy == NULL)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save))
	{
		bool		found = false;

		for (int i = 0; i < RMGR_COUNT; i++)
			if (strcasecmp(tok, rmgr_name((uint8_t) i)) == 0)
			{
				filter[i] = true;
				found = true;
			}
		if (!found)
			ok = -1;
	}
	free(copy);
	return ok;
}
