/* tbl_accounts.c -- the accounts of a triple-bottom-line analysis and
 * their domains (economic, social, environmental): a documented default
 * rule on names and units, and overrides from an account,domain CSV.
 * The rule follows the indicator sets of Foran, Lenzen & Dey (2005) and
 * Kucukvar et al. (2014): output, value added, operating surplus, imports
 * and taxes are economic; jobs, hours and income (compensation) social;
 * physical flows (emissions, energy, water, land) environmental. */
#include "clioi.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const domain_names[] = {"economic", "social", "environmental"};

const char *clio_domain_name(int domain)
{
    return domain >= 0 && domain <= CLIO_DOMAIN_ENVIRONMENTAL ? domain_names[domain] : NULL;
}

/* Whether `text` contains `word`, ignoring case. */
static int mentions(const char *text, const char *word)
{
    size_t lw = strlen(word);
    for (const char *p = text ? text : ""; *p; p++) {
        size_t i = 0;
        while (i < lw && p[i] && tolower((unsigned char)p[i]) == word[i])
            i++;
        if (i == lw)
            return 1;
    }
    return 0;
}

int clioi_mentions_any(const char *text, const char *const *words)
{
    for (; *words; words++)
        if (mentions(text, *words))
            return 1;
    return 0;
}

/* Income to people: social in the TBL literature. */
static const char *const income_words[] = {"compensation", "wage", "salar", "income", "labour",
                                           "labor", NULL};
/* Jobs and working time (and the bridge's types of them). */
static const char *const people_words[] = {"person", "people", "job", "employ", "worker", "hour",
                                           "fte", "skill", "gender", "occupation", NULL};

/* Whether `text` says "product" other than as part of "production". */
static int mentions_products(const char *text)
{
    size_t n = strlen(text);
    for (size_t i = 0; i + 7 <= n; i++) {
        size_t k = 0;
        while (k < 7 && tolower((unsigned char)text[i + k]) == "product"[k])
            k++;
        if (k == 7 && tolower((unsigned char)text[i + 7]) != 'i')
            return 1;
    }
    return 0;
}

/* V rows that are not value added: imports, taxes on products (not those
 * on production), margins. */
int clioi_is_value_added(const char *name)
{
    return !mentions(name, "import") && !mentions(name, "margin") &&
           !(mentions(name, "tax") && mentions_products(name));
}

int clioi_satellite_domain(const clio_table *t, size_t k)
{
    const char *name = t->sat_names[k], *unit = t->sat_units[k];
    if (clioi_mentions_any(name, people_words) || clioi_mentions_any(unit, people_words) ||
        clioi_mentions_any(name, income_words))
        return CLIO_DOMAIN_SOCIAL;
    if (unit && t->unit && *unit && strcmp(unit, t->unit) == 0)
        return CLIO_DOMAIN_ECONOMIC;
    return CLIO_DOMAIN_ENVIRONMENTAL;
}

void clio_tbl_accounts_free(clio_tbl_accounts *a)
{
    if (!a)
        return;
    clioi_free_labels(a->names, a->naccounts);
    clioi_free_labels(a->units, a->naccounts);
    free(a->domain);
    free(a->in_value_added);
    free(a);
}

/* Account k: name, unit, domain (copies). */
static int set_account(clio_tbl_accounts *a, size_t k, const char *name, const char *unit,
                       int domain)
{
    a->names[k] = clioi_strdup(name);
    a->units[k] = clioi_strdup(unit ? unit : "");
    a->domain[k] = domain;
    return a->names[k] && a->units[k] ? CLIO_OK : CLIO_ENOMEM;
}

static int fill(const clio_table *t, clio_tbl_accounts *a)
{
    size_t k = 0;
    int status = set_account(a, k++, "output", t->unit, CLIO_DOMAIN_ECONOMIC);
    for (size_t v = 0; v < t->nva && status == CLIO_OK; v++) {
        a->in_value_added[v] = (unsigned char)clioi_is_value_added(t->va_names[v]);
        int d = clioi_mentions_any(t->va_names[v], income_words) ? CLIO_DOMAIN_SOCIAL
                                                            : CLIO_DOMAIN_ECONOMIC;
        status = set_account(a, k++, t->va_names[v], t->unit, d);
    }
    if (status == CLIO_OK && a->value_added != CLIO_NONE) {
        a->value_added = k;
        status = set_account(a, k++, "value_added", t->unit, CLIO_DOMAIN_ECONOMIC);
    }
    for (size_t s = 0; s < t->nsat && status == CLIO_OK; s++)
        status = set_account(a, k++, t->sat_names[s], t->sat_units[s], clioi_satellite_domain(t, s));
    return status;
}

int clio_tbl_accounts_make(const clio_table *t, clio_tbl_accounts **out, clio_error *err)
{
    *out = NULL;
    size_t nin = 0;
    for (size_t v = 0; v < t->nva; v++)
        nin += clioi_is_value_added(t->va_names[v]);
    /* A V row already named value_added is the value added itself. */
    int sum = nin > 0 && clioi_find_label(t->va_names, t->nva, "value_added") == CLIO_NONE;
    clio_tbl_accounts *a = calloc(1, sizeof *a);
    if (!a)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    a->naccounts = 1 + t->nva + (size_t)sum + t->nsat;
    a->nva = t->nva;
    a->value_added = sum ? 0 : CLIO_NONE; /* fill() sets the index */
    a->names = clioi_calloc_array(a->naccounts, sizeof *a->names);
    a->units = clioi_calloc_array(a->naccounts, sizeof *a->units);
    a->domain = clioi_calloc_array(a->naccounts, sizeof *a->domain);
    a->in_value_added = clioi_calloc_array(t->nva, 1);
    if (!a->names || !a->units || !a->domain || !a->in_value_added || fill(t, a) != CLIO_OK) {
        clio_tbl_accounts_free(a);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    if (clioi_check_unique(a->names, a->naccounts, "account", err) != CLIO_OK) {
        clio_tbl_accounts_free(a);
        return CLIO_ELABEL;
    }
    *out = a;
    return CLIO_OK;
}

int clio_tbl_accounts_read_domains(clio_tbl_accounts *a, const char *path, clio_error *err)
{
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    size_t ca = CLIO_NONE, cd = CLIO_NONE;
    if (csv->nrows > 0) {
        ca = clioi_csv_column(&csv->rows[0], "account");
        cd = clioi_csv_column(&csv->rows[0], "domain");
    }
    if (ca == CLIO_NONE || cd == CLIO_NONE)
        status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: the header needs columns 'account' and "
                            "'domain'", path, csv->nrows ? csv->rows[0].line : 1);
    /* Checked whole before anything changes: no half-applied file. */
    int *domain = clioi_calloc_array(a->naccounts, sizeof *domain);
    size_t *line = clioi_calloc_array(a->naccounts, sizeof *line);
    if (status == CLIO_OK && (!domain || !line))
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK)
        memcpy(domain, a->domain, a->naccounts * sizeof *domain);
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        if ((status = clioi_csv_check_width(csv, row, err)) != CLIO_OK)
            break;
        const char *name = row->fields[ca], *dname = row->fields[cd];
        size_t k = clioi_find_label(a->names, a->naccounts, name);
        int d = 0;
        while (d <= CLIO_DOMAIN_ENVIRONMENTAL && strcmp(dname, domain_names[d]) != 0)
            d++;
        if (k == CLIO_NONE)
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: unknown account '%s'", path,
                                row->line, name);
        else if (line[k])
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: account '%s' given twice (line %zu)",
                                path, row->line, name, line[k]);
        else if (d > CLIO_DOMAIN_ENVIRONMENTAL)
            status = clioi_fail(err, CLIO_EVALUE,
                                "%s:%zu: domain '%s' of account '%s' is not economic, social "
                                "or environmental",
                                path, row->line, dname, name);
        else {
            line[k] = row->line;
            domain[k] = d;
        }
    }
    if (status == CLIO_OK)
        memcpy(a->domain, domain, a->naccounts * sizeof *domain);
    free(domain);
    free(line);
    clioi_csv_free(csv);
    return status;
}
