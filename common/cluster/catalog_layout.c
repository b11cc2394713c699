/*
 * The column layouts of the bootstrap catalogs (pg_class, pg_attribute,
 * pg_type) and of pg_database, pg_namespace, pg_enum and pg_am, per major
 * 10..18, as each major's
 * catalog/pg_class.h, pg_attribute.h, pg_type.h and pg_database.h declare
 * them: the table that describes the catalogs before pg_attribute can.
 * Every other catalog is described by its pg_attribute rows.
 */
#include <stddef.h>
#include <string.h>

#include "cluster/catalog_int.h"

/*
 * Each layout is a -T column list (heap/tupdesc.h) in attnum order.  A
 * list may stop after the last column the reader uses: columns after it
 * are never looked at (heap_deform_data reads only as many as the list
 * has).  Types the value printer does not know are given by their storage
 * (regproc as oid; _aclitem, pg_node_tree, anyarray as raw).  Before 12
 * the catalogs WITH OIDS have no oid column: their oid is t_oid.
 */

/* pg_class, up to relminmxid: everything after is variable-width */
#define CLASS_HEAD "relname:name,relnamespace:oid,reltype:oid,reloftype:oid," \
	"relowner:oid,relam:oid,relfilenode:oid,reltablespace:oid,relpages:int4," \
	"reltuples:float4,relallvisible:int4,"
#define CLASS_MID "reltoastrelid:oid,relhasindex:bool,relisshared:bool," \
	"relpersistence:char,relkind:char,relnatts:int2,relchecks:int2,"
#define CLASS_FLAGS "relhasrules:bool,relhastriggers:bool,relhassubclass:bool," \
	"relrowsecurity:bool,relforcerowsecurity:bool,relispopulated:bool," \
	"relreplident:char,relispartition:bool,"

static const char class_10[] = CLASS_HEAD CLASS_MID
	"relhasoids:bool,relhaspkey:bool," CLASS_FLAGS
	"relfrozenxid:xid,relminmxid:xid";
static const char class_11[] = CLASS_HEAD CLASS_MID
	"relhasoids:bool," CLASS_FLAGS "relrewrite:oid,relfrozenxid:xid,relminmxid:xid";
static const char class_12[] = "oid:oid," CLASS_HEAD CLASS_MID CLASS_FLAGS
	"relrewrite:oid,relfrozenxid:xid,relminmxid:xid";
static const char class_18[] = "oid:oid," CLASS_HEAD "relallfrozen:int4,"
	CLASS_MID CLASS_FLAGS "relrewrite:oid,relfrozenxid:xid,relminmxid:xid";

/*
 * pg_attribute, in full: attmissingval (11+) is its last column.  The
 * _aclitem column is aligned 'i' up to 15 and 'd' from 16 (aclitem grew
 * to 16 bytes).
 */
#define ATT_HEAD "attrelid:oid,attname:name,atttypid:oid,"
#define ATT_VAR_I "attacl:raw(-1,i),attoptions:_text,attfdwoptions:_text"
#define ATT_VAR_D "attacl:raw(-1,d),attoptions:_text,attfdwoptions:_text"
#define ATT_MISSING ",attmissingval:raw(-1,d)"

static const char att_10[] = ATT_HEAD
	"attstattarget:int4,attlen:int2,attnum:int2,attndims:int4,attcacheoff:int4,"
	"atttypmod:int4,attbyval:bool,attstorage:char,attalign:char,attnotnull:bool,"
	"atthasdef:bool,attidentity:char,attisdropped:bool,attislocal:bool,"
	"attinhcount:int4,attcollation:oid," ATT_VAR_I;
static const char att_11[] = ATT_HEAD
	"attstattarget:int4,attlen:int2,attnum:int2,attndims:int4,attcacheoff:int4,"
	"atttypmod:int4,attbyval:bool,attstorage:char,attalign:char,attnotnull:bool,"
	"atthasdef:bool,atthasmissing:bool,attidentity:char,attisdropped:bool,"
	"attislocal:bool,attinhcount:int4,attcollation:oid," ATT_VAR_I ATT_MISSING;
static const char att_12[] = ATT_HEAD
	"attstattarget:int4,attlen:int2,attnum:int2,attndims:int4,attcacheoff:int4,"
	"atttypmod:int4,attbyval:bool,attstorage:char,attalign:char,attnotnull:bool,"
	"atthasdef:bool,atthasmissing:bool,attidentity:char,attgenerated:char,"
	"attisdropped:bool,attislocal:bool,attinhcount:int4,attcollation:oid,"
	ATT_VAR_I ATT_MISSING;
static const char att_14[] = ATT_HEAD
	"attstattarget:int4,attlen:int2,attnum:int2,attndims:int4,attcacheoff:int4,"
	"atttypmod:int4,attbyval:bool,attalign:char,attstorage:char,"
	"attcompression:char,attnotnull:bool,atthasdef:bool,atthasmissing:bool,"
	"attidentity:char,attgenerated:char,attisdropped:bool,attislocal:bool,"
	"attinhcount:int4,attcollation:oid," ATT_VAR_I ATT_MISSING;
#define ATT_16_MID "attbyval:bool,attalign:char,attstorage:char," \
	"attcompression:char,attnotnull:bool,atthasdef:bool,atthasmissing:bool," \
	"attidentity:char,attgenerated:char,attisdropped:bool,attislocal:bool," \
	"attinhcount:int2,"
static const char att_16[] = ATT_HEAD
	"attlen:int2,attnum:int2,attcacheoff:int4,atttypmod:int4,attndims:int2,"
	ATT_16_MID "attstattarget:int2,attcollation:oid," ATT_VAR_D ATT_MISSING;
static const char att_17[] = ATT_HEAD
	"attlen:int2,attnum:int2,attcacheoff:int4,atttypmod:int4,attndims:int2,"
	ATT_16_MID "attcollation:oid,attstattarget:int2," ATT_VAR_D ATT_MISSING;
static const char att_18[] = ATT_HEAD
	"attlen:int2,attnum:int2,atttypmod:int4,attndims:int2,"
	ATT_16_MID "attcollation:oid,attstattarget:int2," ATT_VAR_D ATT_MISSING;

/* pg_type, up to typtypmod (typdefaultbin, the first varlena, follows) */
#define TYPE_HEAD "typname:name,typnamespace:oid,typowner:oid,typlen:int2," \
	"typbyval:bool,typtype:char,typcategory:char,typispreferred:bool," \
	"typisdefined:bool,typdelim:char,typrelid:oid,"
#define TYPE_TAIL "typelem:oid,typarray:oid,typinput:oid,typoutput:oid," \
	"typreceive:oid,typsend:oid,typmodin:oid,typmodout:oid,typanalyze:oid," \
	"typalign:char,typstorage:char,typnotnull:bool,typbasetype:oid,typtypmod:int4"

static const char type_10[] = TYPE_HEAD TYPE_TAIL;
static const char type_12[] = "oid:oid," TYPE_HEAD TYPE_TAIL;
static const char type_14[] = "oid:oid," TYPE_HEAD "typsubscript:oid," TYPE_TAIL;

/* pg_database, up to datname: all the reader needs before pg_attribute */
static const char db_10[] = "datname:name";
static const char db_12[] = "oid:oid,datname:name";

/*
 * pg_namespace, pg_enum and pg_am, up to the last column read: the same in
 * every major but for the oid column of 12+.  Known here so naming a
 * relation does not scan pg_attribute (tens of megabytes in a database of
 * many tables) only to learn them.
 */
static const char nsp_10[] = "nspname:name,nspowner:oid";
static const char nsp_12[] = "oid:oid,nspname:name,nspowner:oid";
static const char enum_10[] = "enumtypid:oid,enumsortorder:float4,enumlabel:name";
static const char enum_12[] = "oid:oid,enumtypid:oid,enumsortorder:float4,enumlabel:name";
static const char am_10[] = "amname:name,amhandler:oid,amtype:char";
static const char am_12[] = "oid:oid,amname:name,amhandler:oid,amtype:char";

static const struct {
	uint32_t	relid;			/* the catalog's pg_class.oid */
	int			lo,
				hi;				/* majors, inclusive */
	const char *spec;
} layouts[] = {
	{PG_CLASS_RELID, 10, 10, class_10},
	{PG_CLASS_RELID, 11, 11, class_11},
	{PG_CLASS_RELID, 12, 17, class_12},
	{PG_CLASS_RELID, 18, 18, class_18},
	{PG_ATTRIBUTE_RELID, 10, 10, att_10},
	{PG_ATTRIBUTE_RELID, 11, 11, att_11},
	{PG_ATTRIBUTE_RELID, 12, 13, att_12},
	{PG_ATTRIBUTE_RELID, 14, 15, att_14},
	{PG_ATTRIBUTE_RELID, 16, 16, att_16},
	{PG_ATTRIBUTE_RELID, 17, 17, att_17},
	{PG_ATTRIBUTE_RELID, 18, 18, att_18},
	{PG_TYPE_RELID, 10, 11, type_10},
	{PG_TYPE_RELID, 12, 13, type_12},
	{PG_TYPE_RELID, 14, 18, type_14},
	{PG_DATABASE_RELID, 10, 11, db_10},
	{PG_DATABASE_RELID, 12, 18, db_12},
	{PG_NAMESPACE_RELID, 10, 11, nsp_10},
	{PG_NAMESPACE_RELID, 12, 18, nsp_12},
	{PG_ENUM_RELID, 10, 11, enum_10},
	{PG_ENUM_RELID, 12, 18, enum_12},
	{PG_AM_RELID, 10, 11, am_10},
	{PG_AM_RELID, 12, 18, am_12},
};

const char *
catalog_layout(int major, uint32_t relid)
{
	size_t		i;

	for (i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
		if (layouts[i].relid == relid && major >= layouts[i].lo && major <= layouts[i].hi)
			return layouts[i].spec;
	return NULL;
}

int
catalog_col(const struct tupdesc *td, const char *name)
{
	int			i;

	for (i = 0; i < td->natts; i++)
		if (strcmp(td->cols[i].name, name) == 0)
			return i;
	return -1;
}
