/* iim_write.c -- the results of `clio iim` as tidy CSV (stdout or an
 * atomically written file); NetCDF goes to iim_netcdf.c. */
#include "iim.h"

#include <math.h>

static void put_sector(FILE *fp, const clio_iim_system *s, size_t i)
{
    if (s->regions) {
        clioi_csv_write_field(fp, s->regions[i]);
        fputc(',', fp);
    }
    clioi_csv_write_field(fp, s->sectors[i]);
}

/* Inoperability times output; NaN (a blank field) when output is unknown. */
static double money(const clio_iim_system *s, size_t i, double share)
{
    return s->x ? share * s->x[i] : NAN;
}

typedef void (*csv_body)(FILE *fp, const clio_iim_system *s, const void *data);

/* Write a CSV with the body function: to stdout, or atomically to path. */
static int write_csv(const char *path, const clio_iim_system *s, csv_body body,
                     const void *data, clio_error *err)
{
    if (!path) {
        body(stdout, s, data);
        return fflush(stdout) == 0 ? CLIO_OK
                                   : clioi_fail(err, CLIO_EWRITE, "cannot write to stdout");
    }
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, path, 1, err);
    if (status != CLIO_OK)
        return status;
    body(a.fp, s, data);
    return clioi_atomic_commit(&a, err);
}

static void static_body(FILE *fp, const clio_iim_system *s, const void *data)
{
    const double *q = data;
    fputs(s->regions ? "region,sector,inoperability,loss\n" : "sector,inoperability,loss\n", fp);
    for (size_t i = 0; i < s->n; i++) {
        put_sector(fp, s, i);
        fputc(',', fp);
        clioi_csv_write_number(fp, q[i]);
        fputc(',', fp);
        clioi_csv_write_number(fp, money(s, i, q[i]));
        fputc('\n', fp);
    }
}

int clio_iim_static_save(const clio_iim_system *s, const double *q, const char *path,
                         clio_error *err)
{
    if (path && clioi_ends_with(path, ".nc"))
        return clioi_iim_netcdf_static(s, q, path, err);
    return write_csv(path, s, static_body, q, err);
}

typedef struct dynamic_data {
    size_t nsteps, ldq;
    const double *q, *cum;
} dynamic_data;

static void series_body(FILE *fp, const clio_iim_system *s, const void *data)
{
    const dynamic_data *d = data;
    fputs(s->regions ? "period,region,sector,inoperability\n" : "period,sector,inoperability\n",
          fp);
    for (size_t t = 0; t <= d->nsteps; t++)
        for (size_t i = 0; i < s->n; i++) {
            fprintf(fp, "%zu,", t);
            put_sector(fp, s, i);
            fputc(',', fp);
            clioi_csv_write_number(fp, d->q[i + t * d->ldq]);
            fputc('\n', fp);
        }
}

static void summary_body(FILE *fp, const clio_iim_system *s, const void *data)
{
    const dynamic_data *d = data;
    fputs(s->regions ? "region,sector,cumulative_inoperability,cumulative_loss\n"
                     : "sector,cumulative_inoperability,cumulative_loss\n",
          fp);
    for (size_t i = 0; i < s->n; i++) {
        put_sector(fp, s, i);
        fputc(',', fp);
        clioi_csv_write_number(fp, d->cum[i]);
        fputc(',', fp);
        clioi_csv_write_number(fp, money(s, i, d->cum[i]));
        fputc('\n', fp);
    }
}

int clio_iim_dynamic_save(const clio_iim_system *s, size_t nsteps, const double *q, size_t ldq,
                          const double *cum, const char *path, const char *summary_path,
                          clio_error *err)
{
    const dynamic_data d = {nsteps, ldq, q, cum};
    int status;
    if (path && clioi_ends_with(path, ".nc"))
        status = clioi_iim_netcdf_dynamic(s, nsteps, q, ldq, cum, path, err);
    else
        status = write_csv(path, s, series_body, &d, err);
    if (status == CLIO_OK && summary_path)
        status = write_csv(summary_path, s, summary_body, &d, err);
    return status;
}
