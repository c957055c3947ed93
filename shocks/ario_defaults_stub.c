/* ario_defaults_stub.c -- TEMPORARY stand-in for clio_ario_defaults until
 * the ARIO branch (shocks/ario*.c) is merged: the defaults documented in
 * clio.h's clio_ario_params.  The merge keeps one of the two. */
#include "clio.h"

void clio_ario_defaults(clio_ario_params *p)
{
    p->step_days = 1;
    p->steps = 365;
    p->inventory_days = 90;
    p->inventory_tau = 60;
    p->alpha_max = 1.25;
    p->alpha_tau = 365;
    p->psi = 0.90;
    p->reconstruction_tau = 180;
}
