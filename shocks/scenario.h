/* scenario.h -- internals of the scenario files (docs/scenarios.md),
 * shared by their files only:
 *
 *   scenario_yaml.c          libyaml helpers: loading, keys, texts, amounts
 *   scenario_parse.c         one scenario's keys and change lists
 *   scenario_read.c          the file: root keys, scenarios, inheritance
 *   scenario_select.c        selectors and final-demand columns -> sectors
 *   scenario_coefficients.c  coefficient changes and reshoring -> cols/dA/dVc
 *   scenario_states.c        inoperability and ARIO values by sector
 *   scenario_resolve.c       clio_scenario_resolve: a scenario -> clio_shock
 *   scenario_plan.c          what a scenario needs, before it is resolved
 *
 * Not installed; everything here is prefixed clioi_scn_.  The parsed texts
 * point into the YAML document, which the clio_scenarios keeps (through an
 * incomplete type: only scenario_yaml.c, scenario_parse.c and
 * scenario_read.c include <yaml.h>). */
#ifndef CLIOI_SCENARIO_H
#define CLIOI_SCENARIO_H

#include "clioi.h"

struct yaml_document_s;
struct yaml_node_s;

/* A name written in the file, with its line (for messages). */
typedef struct clioi_scn_name {
    const char *text; /* NULL when absent */
    size_t line;
} clioi_scn_name;

/* Which sectors an entry is about: the intersection of the keys given;
 * no key at all selects every sector. */
typedef struct clioi_scn_selector {
    clioi_scn_name region, sector, group;
    size_t line;
} clioi_scn_selector;

/* A number, or a percentage ("40%" -> value 0.40, percent 1). */
typedef struct clioi_scn_amount {
    double value;
    int percent;
    size_t line;
} clioi_scn_amount;

/* The lists a scenario may hold; an entry belongs to one. */
enum clioi_scn_list {
    CLIOI_SCN_DEMAND,
    CLIOI_SCN_CAPACITY,
    CLIOI_SCN_COEFFICIENT, /* buyer/seller change */
    CLIOI_SCN_RESHORE,     /* import substitution */
    CLIOI_SCN_COST,
    CLIOI_SCN_PRIMARY,
    CLIOI_SCN_PERTURBATION,  /* inoperability.perturbation */
    CLIOI_SCN_INITIAL,       /* inoperability.initial */
    CLIOI_SCN_RECOVERY_TIME, /* inoperability.recovery_time */
    CLIOI_SCN_CAPACITY_LOSS, /* ario.capacity_loss */
    CLIOI_SCN_RECOVERY_DAYS, /* ario.recovery_days */
    CLIOI_SCN_RECONSTRUCTION /* ario.reconstruction */
};

typedef struct clioi_scn_entry {
    int list; /* enum clioi_scn_list */
    size_t line;
    clioi_scn_selector sel;    /* the sectors; the buyers of coefficient entries */
    clioi_scn_selector seller; /* CLIOI_SCN_COEFFICIENT only */
    clioi_scn_name category, category_region; /* demand */
    clioi_scn_name component; /* costs: value-added row; reshore: imports row */
    clioi_scn_amount amount;
    int has_window;       /* perturbation: its own periods [from, to) */
    size_t from, to, window_line;
} clioi_scn_entry;

/* The clio_ario_params fields a scenario may set, by name. */
#define CLIOI_SCN_ARIO_FIELDS 8
typedef struct clioi_scn_ario_field {
    const char *name;
    size_t offset; /* in clio_ario_params */
    int is_count;  /* size_t (steps), else double */
} clioi_scn_ario_field;
extern const clioi_scn_ario_field clioi_scn_ario_fields[CLIOI_SCN_ARIO_FIELDS];

/* One scenario as written: its own entries and the scalars it sets
 * (has_* flags: set here, else inherited). */
typedef struct clioi_scenario {
    const char *name, *description;
    size_t line;
    double cost; /* `cost:` public money spent (> 0), NaN when absent; not inherited */
    clioi_scn_name inherits;
    size_t base; /* index of the base scenario, or CLIO_NONE */

    int has_model, model;
    size_t model_line;
    clioi_scn_entry *entries; /* file order, every list */
    size_t nentries, capacity;

    size_t inoperability_line, ario_line; /* 0 when the block is absent */
    int has_target, has_periods, has_window;
    double target;
    size_t periods, from, to;
    size_t target_line, periods_line, window_line;

    unsigned ario_set; /* bit k: clioi_scn_ario_fields[k] is set */
    clio_ario_params ario;
    size_t ario_lines[CLIOI_SCN_ARIO_FIELDS];
} clioi_scenario;

struct clio_scenarios {
    char *path;   /* as given */
    char *table;  /* `table:` relative to the file's folder, or NULL */
    char *groups; /* `groups:` likewise, or NULL */
    size_t groups_line;
    struct yaml_document_s *doc;
    size_t count;
    clioi_scenario *items;
};

/* ---- resolving for a run (scenario_resolve.c) ---- */

/* clioi_scn_groups_read -- the file's groups for table t (NULL: none). */
int clioi_scn_groups_read(const clio_scenarios *s, const clio_table *t, clio_groups **out,
                          clio_error *err);
/* clioi_scn_resolve -- clio_scenario_resolve with the groups read once by
 * the caller; without by_category, dY stays NULL and only dy is kept (a
 * batch of demand scenarios on a large MRIO never fills n x nfd). */
int clioi_scn_resolve(const clio_scenarios *s, size_t i, const clio_table *t,
                      const clio_groups *groups, int by_category, clio_shock **out,
                      clio_error *err);

/* ---- planning a run (scenario_plan.c) ---- */

/* What scenario i needs, its bases' entries and scalars included. */
typedef struct clioi_scn_plan {
    int model;                               /* enum clio_scenario_model */
    int demand, caps, coefficients, costs;   /* has such entries */
    size_t periods;                          /* IIM dynamic steps (0: static) */
    size_t ario_steps;                       /* ARIO steps (the default when unset) */
} clioi_scn_plan;

int clioi_scn_plan_of(const clio_scenarios *s, size_t i, clioi_scn_plan *p);

/* clioi_scn_chain -- scenario i and its bases, base first, into chain
 * (room for s->count); returns their number. */
size_t clioi_scn_chain(const clio_scenarios *s, size_t i, const clioi_scenario **chain);
/* clioi_scn_inherit_scalars -- the scalars of a chain (model, target,
 * periods, ARIO parameters) into k, defaults first; *window is the
 * scenario whose perturbation window applies (NULL: none). */
void clioi_scn_inherit_scalars(const clioi_scenario *const *chain, size_t nchain,
                               clio_shock *k, const clioi_scenario **window);

/* ---- parsing (scenario_yaml.c, scenario_parse.c) ---- */

/* What the parsing functions share. */
typedef struct clioi_scn_parser {
    const char *path;
    clio_error *err;
    struct yaml_document_s *doc;
    const char *scenario; /* the scenario being parsed, for messages (or NULL) */
} clioi_scn_parser;

/* Allowed kinds of an amount. */
enum { CLIOI_SCN_NUMBER = 1, CLIOI_SCN_PERCENT = 2, CLIOI_SCN_SHARE = 4 };

size_t clioi_scn_line(const struct yaml_node_s *node);
struct yaml_node_s *clioi_scn_node(const clioi_scn_parser *p, int id);
int clioi_scn_fail(const clioi_scn_parser *p, int status, const struct yaml_node_s *node,
                   const char *fmt, ...) CLIOI_PRINTF(4, 5);
int clioi_scn_load(clioi_scn_parser *p);
struct yaml_node_s *clioi_scn_lookup(const clioi_scn_parser *p, struct yaml_node_s *map,
                                     const char *key);
int clioi_scn_check_keys(const clioi_scn_parser *p, struct yaml_node_s *map, const char *where,
                         const char *const *allowed);
int clioi_scn_is_mapping(const struct yaml_node_s *node);
int clioi_scn_is_sequence(const struct yaml_node_s *node);
/* The items of a sequence node: count and node ids. */
size_t clioi_scn_items(const struct yaml_node_s *node, const int **ids);
int clioi_scn_text(const clioi_scn_parser *p, struct yaml_node_s *node, const char *key,
                   const char **out);
int clioi_scn_get_name(const clioi_scn_parser *p, struct yaml_node_s *map, const char *key,
                       clioi_scn_name *out);
/* An amount under `key`: kinds allowed by `allow` (CLIOI_SCN_*); with
 * CLIOI_SCN_SHARE a plain number is a share too and the value must lie in
 * [0, 1].  CLIO_EVALUE names line, key and the text. */
int clioi_scn_amount_of(const clioi_scn_parser *p, struct yaml_node_s *node, const char *key,
                        int allow, clioi_scn_amount *out);
/* A whole number >= 0. */
int clioi_scn_count(const clioi_scn_parser *p, struct yaml_node_s *node, const char *key,
                    size_t *out);

int clioi_scn_parse(const clioi_scn_parser *p, struct yaml_node_s *node, clioi_scenario *sc);
void clioi_scn_scenario_free(clioi_scenario *sc);

/* ---- resolving (scenario_select.c, scenario_coefficients.c,
 *      scenario_states.c, scenario_resolve.c) ---- */

typedef struct clioi_scn_resolver {
    const clio_scenarios *s;
    const clioi_scenario *target; /* the scenario resolved */
    const clioi_scenario *owner;  /* the scenario the current entry is written in */
    const clio_table *t;
    const clio_groups *groups; /* NULL without `groups:` */
    clio_error *err;
    unsigned char *mask, *mask2; /* n each: selections */
    unsigned char *scratch;      /* n: a group's members, inside clioi_scn_select */
    unsigned char *cols;         /* nfd scratch */
} clioi_scn_resolver;

/* "FILE:LINE: scenario 'NAME': ..." (with "(inherited by 'T')" when the
 * entry comes from a base). */
int clioi_scn_resolve_fail(const clioi_scn_resolver *r, int status, size_t line,
                           const char *fmt, ...) CLIOI_PRINTF(4, 5);
/* Expand a selector into mask (n); *count selected.  CLIO_ELABEL for an
 * unknown region, sector or group, or a selection with no sector. */
int clioi_scn_select(const clioi_scn_resolver *r, const clioi_scn_selector *sel,
                     unsigned char *mask, size_t *count);
/* The final-demand columns of a demand entry into r->cols (nfd). */
int clioi_scn_fd_columns(const clioi_scn_resolver *r, const clioi_scn_entry *e, size_t *count);
/* clioi_scn_spread -- share `amount` over the cells with mask set in
 * proportion to weight (positive parts), else to fallback (positive parts),
 * else equally; out[k] += share.  m cells. */
void clioi_scn_spread(size_t m, const unsigned char *mask, const double *weight,
                      const double *fallback, double amount, double *out);
/* The index of value-added row `name`, or CLIO_ELABEL. */
int clioi_scn_va_row(const clioi_scn_resolver *r, const clioi_scn_name *name, size_t *row);

/* Coefficient changes accumulate in a working copy of A and the value-
 * added coefficients; clioi_scn_coefficients_finish writes the touched
 * columns into the shock. */
typedef struct clioi_scn_coefficients {
    size_t n, nva;
    double *A0, *A, *Vc0, *Vc;
    unsigned char *touched;
} clioi_scn_coefficients;
int clioi_scn_coefficients_init(const clioi_scn_resolver *r, clioi_scn_coefficients *c);
int clioi_scn_coefficient_change(const clioi_scn_resolver *r, clioi_scn_coefficients *c,
                                 const clioi_scn_entry *e);
int clioi_scn_reshore(const clioi_scn_resolver *r, clioi_scn_coefficients *c,
                      const clioi_scn_entry *e);
int clioi_scn_coefficients_finish(const clioi_scn_resolver *r, clioi_scn_coefficients *c,
                                  clio_shock *k);
void clioi_scn_coefficients_free(clioi_scn_coefficients *c);

/* Inoperability and ARIO values: later entries replace earlier ones. */
int clioi_scn_state_entry(const clioi_scn_resolver *r, const clioi_scn_entry *e, clio_shock *k);
/* The scalars of the chain (base first) into k, then the checks that need
 * them all (recovery_time needs periods, the perturbation window). */
int clioi_scn_state_scalars(const clioi_scn_resolver *r, const clioi_scenario *const *chain,
                            size_t nchain, clio_shock *k);

#endif /* CLIOI_SCENARIO_H */
