/* report_read.c -- any clio result file (docs/netcdf-schema.md, "Result
 * files" and "Scenario files") read generically for the report: its global
 * attributes, its labels, and every numeric variable that runs over label
 * dimensions only (scenario, sector, region, account).  Variables over
 * other dimensions (the time series of dynamic scenarios) are left out.
 * Knowing no field names, it reads kinds of result written after it. */
#include "netcdf_common.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* At most this many values per variable: a report of a larger result
 * would be unreadable, and a crafted file must not make us allocate it. */
#define RP_MAX_VALUES ((size_t)1 << 26)

static const char *const DIM_NAMES[RP_NDIMS] = {"scenario", "sector", "region", "account"};

/* Text variables that are labels, not a row class. */
static const char *const LABELS[] = {"sector",  "sector_name",  "region", "account",
                                     "account_unit", "scenario", "model",  "description",
                                     "time_unit"};

typedef struct reader {
    int ncid;
    const char *path;
    int dimid[RP_NDIMS]; /* -1 when absent */
    clio_error *err;
} reader;

static int bad(const reader *r, const char *what)
{
    return clioi_fail(r->err, CLIO_EFORMAT, "'%s': %s", r->path, what);
}

/* A global text attribute (NC_CHAR, or one NC_STRING), or NULL. */
static int get_text(const reader *r, const char *name, char **out)
{
    nc_type type;
    size_t len;
    *out = NULL;
    if (nc_inq_att(r->ncid, NC_GLOBAL, name, &type, &len) != NC_NOERR)
        return CLIO_OK;
    if (type == NC_CHAR) {
        if (!(*out = malloc(len + 1)))
            return CLIO_ENOMEM;
        if (nc_get_att_text(r->ncid, NC_GLOBAL, name, *out) != NC_NOERR)
            len = 0;
        (*out)[len] = '\0';
    } else if (type == NC_STRING && len == 1) {
        char *s = NULL;
        if (nc_get_att_string(r->ncid, NC_GLOBAL, name, &s) == NC_NOERR) {
            *out = clioi_strdup(s ? s : "");
            nc_free_string(1, &s);
            if (!*out)
                return CLIO_ENOMEM;
        }
    }
    return CLIO_OK;
}

/* The variable `name` over exactly the label dimension d, or -1. */
static int label_var(const reader *r, const char *name, int d, nc_type want)
{
    int varid, ndims, dimid;
    nc_type type;
    if (r->dimid[d] < 0 || nc_inq_varid(r->ncid, name, &varid) != NC_NOERR ||
        nc_inq_var(r->ncid, varid, NULL, &type, &ndims, NULL, NULL) != NC_NOERR || ndims != 1 ||
        nc_inq_vardimid(r->ncid, varid, &dimid) != NC_NOERR || dimid != r->dimid[d])
        return -1;
    if (want == NC_STRING ? type != NC_STRING : !clioi_nc_is_integer_type(type))
        return -1;
    return varid;
}

/* The labels of variable `name` over dimension d (empty text for a
 * missing one); *out stays NULL when the variable is absent. */
static int read_labels(const reader *r, const char *name, int d, size_t len, char ***out)
{
    *out = NULL;
    int varid = label_var(r, name, d, NC_STRING);
    if (varid < 0)
        return CLIO_OK;
    char **raw = clioi_calloc_array(len, sizeof *raw), **copy = NULL;
    if (!raw)
        return CLIO_ENOMEM;
    int status = CLIO_OK;
    if (nc_get_var_string(r->ncid, varid, raw) != NC_NOERR) {
        free(raw);
        return bad(r, "cannot read a label variable");
    }
    copy = clioi_calloc_array(len, sizeof *copy);
    for (size_t i = 0; copy && i < len; i++)
        if (!(copy[i] = clioi_strdup(raw[i] ? raw[i] : "")))
            status = CLIO_ENOMEM;
    nc_free_string(len, raw);
    free(raw);
    if (!copy || status != CLIO_OK) {
        clioi_free_labels(copy, copy ? len : 0);
        return CLIO_ENOMEM;
    }
    *out = copy;
    return CLIO_OK;
}

static int read_sector_region(const reader *r, rp_file *f)
{
    int varid = label_var(r, "sector_region", RP_SECTOR, NC_INT);
    if (varid < 0)
        return bad(r, "not a clio result: no integer variable sector_region(sector)");
    f->sector_region = clioi_calloc_array(f->len[RP_SECTOR], sizeof *f->sector_region);
    if (!f->sector_region)
        return CLIO_ENOMEM;
    if (nc_get_var_int(r->ncid, varid, f->sector_region) != NC_NOERR)
        return bad(r, "cannot read sector_region");
    for (size_t i = 0; i < f->len[RP_SECTOR]; i++)
        if (f->sector_region[i] < -1 || f->sector_region[i] >= (int)f->len[RP_REGION])
            return clioi_fail(r->err, CLIO_EFORMAT,
                              "'%s': sector_region of sector %zu is %d, not a region index",
                              r->path, i + 1, f->sector_region[i]);
    return CLIO_OK;
}

static int is_label_name(const char *name)
{
    for (size_t k = 0; k < sizeof LABELS / sizeof LABELS[0]; k++)
        if (strcmp(name, LABELS[k]) == 0)
            return 1;
    return 0;
}

/* One variable: a row class, a numeric variable over label dimensions,
 * or something else (skipped). */
static int read_var(const reader *r, int varid, rp_file *f)
{
    char name[NC_MAX_NAME + 1];
    nc_type type;
    int ndims, dimids[NC_MAX_VAR_DIMS];
    if (nc_inq_var(r->ncid, varid, name, &type, &ndims, NULL, NULL) != NC_NOERR ||
        ndims > NC_MAX_VAR_DIMS || nc_inq_vardimid(r->ncid, varid, dimids) != NC_NOERR)
        return bad(r, "cannot read the list of variables");
    if (type == NC_STRING && ndims == 1 && dimids[0] == r->dimid[RP_SECTOR] && !f->class_name &&
        !is_label_name(name)) {
        f->class_name = clioi_strdup(name);
        return f->class_name ? read_labels(r, name, RP_SECTOR, f->len[RP_SECTOR], &f->row_class)
                             : CLIO_ENOMEM;
    }
    if (!clioi_nc_is_number_type(type) || ndims < 1 || ndims > RP_MAXDIMS ||
        strcmp(name, "sector_region") == 0)
        return CLIO_OK;
    rp_var v = {.ndims = ndims, .count = 1};
    for (int k = 0; k < ndims; k++) {
        v.dims[k] = -1;
        for (int d = 0; d < RP_NDIMS; d++)
            if (r->dimid[d] >= 0 && dimids[k] == r->dimid[d])
                v.dims[k] = d;
        if (v.dims[k] < 0)
            return CLIO_OK; /* over another dimension: not for the report */
        v.count *= f->len[v.dims[k]];
    }
    if (v.count > RP_MAX_VALUES)
        return clioi_fail(r->err, CLIO_EFORMAT, "'%s': variable '%s' has %zu values, too many for a report",
                          r->path, name, v.count);
    v.name = clioi_strdup(name);
    v.values = clioi_calloc_array(v.count, sizeof *v.values);
    if (!v.name || !v.values) {
        free(v.name);
        free(v.values);
        return CLIO_ENOMEM;
    }
    if (nc_get_var_double(r->ncid, varid, v.values) != NC_NOERR) {
        free(v.name);
        free(v.values);
        return clioi_fail(r->err, CLIO_EFORMAT, "'%s': cannot read variable '%s'", r->path, name);
    }
    f->vars[f->nvars++] = v;
    return CLIO_OK;
}

static int read_globals(const reader *r, rp_file *f)
{
    struct {
        const char *name;
        char **to;
    } texts[] = {{"clio_result_kind", &f->kind}, {"title", &f->title},
                 {"description", &f->description}, {"clio_version", &f->clio_version},
                 {"history", &f->history}, {"date_created", &f->date_created},
                 {"clio_command", &f->command}, {"clio_inputs", &f->inputs}};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
        if (get_text(r, texts[k].name, texts[k].to) != CLIO_OK)
            return CLIO_ENOMEM;
    if (!f->kind || !f->kind[0]) {
        if (nc_inq_att(r->ncid, NC_GLOBAL, "clio_format_version", NULL, NULL) == NC_NOERR)
            return bad(r, "this is a clio table, not a result: run e.g. `clio multipliers` or "
                          "`clio impact` on it and report on their output");
        return bad(r, "not a clio result file (no clio_result_kind attribute)");
    }
    return CLIO_OK;
}

static int read_labels_all(const reader *r, rp_file *f)
{
    struct {
        const char *name;
        int dim, required;
        char ***to;
    } labels[] = {{"sector", RP_SECTOR, 1, &f->sector},
                  {"sector_name", RP_SECTOR, 0, &f->sector_name},
                  {"region", RP_REGION, 1, &f->region},
                  {"account", RP_ACCOUNT, 1, &f->account},
                  {"account_unit", RP_ACCOUNT, 0, &f->account_unit},
                  {"scenario", RP_SCENARIO, 0, &f->scenario},
                  {"model", RP_SCENARIO, 0, &f->model}};
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        int status = read_labels(r, labels[k].name, labels[k].dim, f->len[labels[k].dim],
                                 labels[k].to);
        if (status != CLIO_OK)
            return status;
        if (!*labels[k].to && labels[k].required)
            return clioi_fail(r->err, CLIO_EFORMAT,
                              "'%s': not a clio result: no text variable %s(%s)", r->path,
                              labels[k].name, DIM_NAMES[labels[k].dim]);
    }
    if (f->len[RP_SCENARIO] && !f->scenario)
        return bad(r, "a scenario dimension without the text variable scenario(scenario)");
    return read_sector_region(r, f);
}

static int read_file(reader *r, rp_file *f)
{
    int status = read_globals(r, f);
    for (int d = 0; d < RP_NDIMS && status == CLIO_OK; d++)
        if (nc_inq_dimid(r->ncid, DIM_NAMES[d], &r->dimid[d]) != NC_NOERR ||
            nc_inq_dimlen(r->ncid, r->dimid[d], &f->len[d]) != NC_NOERR)
            r->dimid[d] = -1;
    for (int d = RP_SECTOR; d <= RP_ACCOUNT && status == CLIO_OK; d++)
        if (r->dimid[d] < 0 || f->len[d] == 0)
            status = clioi_fail(r->err, CLIO_EFORMAT, "'%s': not a clio result: no %s dimension",
                                r->path, DIM_NAMES[d]);
    if (status == CLIO_OK)
        status = read_labels_all(r, f);
    int nvars = 0;
    if (status == CLIO_OK && nc_inq_nvars(r->ncid, &nvars) != NC_NOERR)
        status = bad(r, "cannot read the list of variables");
    if (status == CLIO_OK && !(f->vars = clioi_calloc_array((size_t)nvars, sizeof *f->vars)))
        status = CLIO_ENOMEM;
    for (int v = 0; v < nvars && status == CLIO_OK; v++)
        status = read_var(r, v, f);
    if (status == CLIO_OK && f->nvars == 0)
        status = bad(r, "a clio result with no numeric variable over its sectors or accounts");
    return status;
}

int clioi_rp_read(const char *path, rp_file **out, clio_error *err)
{
    *out = NULL;
    rp_file *f = calloc(1, sizeof *f);
    if (!f || !(f->path = clioi_strdup(path))) {
        free(f);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory reading '%s'", path);
    }
    reader r = {.path = path, .err = err};
    int status = clio_sha256_file(path, f->sha256, &f->bytes, err);
    if (status == CLIO_OK)
        status = clioi_nc_open(path, &r.ncid, err);
    if (status != CLIO_OK) {
        clioi_rp_free(f);
        return status;
    }
    status = read_file(&r, f);
    nc_close(r.ncid);
    if (status == CLIO_ENOMEM)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory reading '%s'", path);
    if (status != CLIO_OK) {
        clioi_rp_free(f);
        return status;
    }
    *out = f;
    return CLIO_OK;
}

void clioi_rp_free(rp_file *f)
{
    if (!f)
        return;
    char *texts[] = {f->path,    f->kind,         f->title,   f->description, f->clio_version,
                     f->history, f->date_created, f->command, f->inputs,      f->class_name};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
        free(texts[k]);
    clioi_free_labels(f->sector, f->sector ? f->len[RP_SECTOR] : 0);
    clioi_free_labels(f->sector_name, f->sector_name ? f->len[RP_SECTOR] : 0);
    clioi_free_labels(f->row_class, f->row_class ? f->len[RP_SECTOR] : 0);
    clioi_free_labels(f->region, f->region ? f->len[RP_REGION] : 0);
    clioi_free_labels(f->account, f->account ? f->len[RP_ACCOUNT] : 0);
    clioi_free_labels(f->account_unit, f->account_unit ? f->len[RP_ACCOUNT] : 0);
    clioi_free_labels(f->scenario, f->scenario ? f->len[RP_SCENARIO] : 0);
    clioi_free_labels(f->model, f->model ? f->len[RP_SCENARIO] : 0);
    free(f->sector_region);
    for (size_t v = 0; v < f->nvars; v++) {
        free(f->vars[v].name);
        free(f->vars[v].values);
    }
    free(f->vars);
    free(f);
}

const rp_var *clioi_rp_var(const rp_file *f, const char *name)
{
    for (size_t v = 0; v < f->nvars; v++)
        if (strcmp(f->vars[v].name, name) == 0)
            return &f->vars[v];
    return NULL;
}

size_t clioi_rp_find_account(const rp_file *f, const char *name)
{
    return clioi_find_label(f->account, f->len[RP_ACCOUNT], name);
}
