/* The C peer of Calx's fit_sigmoid and fit_power: GSL's gsl_multifit_nlinear, trust
 * region with Levenberg–Marquardt steps (GSL's defaults otherwise: More scaling, QR),
 * analytic Jacobian, xtol = gtol = 1e-8, ftol = 0. One "fit" is what a library call
 * does: allocate the workspace, iterate, compute the covariance (for standard
 * errors), free.
 *
 *   cc -O2 -o fit_gsl fit_gsl.c $(pkg-config --cflags --libs gsl)
 *   fit_gsl sigmoid sigmoid40.csv FITS REPEATS A B Cmid R0     (start point)
 *   fit_gsl power power25.csv FITS REPEATS E A alpha
 *
 * Times REPEATS loops of FITS fits and prints the median time per fit in µs, then
 * the fitted parameters (%.17g), rss and iterations, as name=value pairs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_vector.h>

typedef struct { size_t n; double *x, *y; } data;

/* R(C) = R0 + (A - R0) / (1 + (Cmid / C)^B); residuals model - y. */
static int sigmoid_f(const gsl_vector *p, void *d_, gsl_vector *f) {
    data *d = d_;
    double A = gsl_vector_get(p, 0), B = gsl_vector_get(p, 1), Cmid = gsl_vector_get(p, 2), R0 = gsl_vector_get(p, 3);
    for (size_t i = 0; i < d->n; i++)
        gsl_vector_set(f, i, R0 + (A - R0) / (1 + pow(Cmid / d->x[i], B)) - d->y[i]);
    return GSL_SUCCESS;
}

static int sigmoid_df(const gsl_vector *p, void *d_, gsl_matrix *J) {
    data *d = d_;
    double A = gsl_vector_get(p, 0), B = gsl_vector_get(p, 1), Cmid = gsl_vector_get(p, 2), R0 = gsl_vector_get(p, 3);
    for (size_t i = 0; i < d->n; i++) {
        double r = Cmid / d->x[i], u = pow(r, B), s = 1 / (1 + u), g = (A - R0) * u * s * s;
        gsl_matrix_set(J, i, 0, s);
        gsl_matrix_set(J, i, 1, -g * log(r));
        gsl_matrix_set(J, i, 2, -g * B / Cmid);
        gsl_matrix_set(J, i, 3, 1 - s);
    }
    return GSL_SUCCESS;
}

/* L(N) = E + A / N^alpha */
static int power_f(const gsl_vector *p, void *d_, gsl_vector *f) {
    data *d = d_;
    double E = gsl_vector_get(p, 0), A = gsl_vector_get(p, 1), alpha = gsl_vector_get(p, 2);
    for (size_t i = 0; i < d->n; i++)
        gsl_vector_set(f, i, E + A * pow(d->x[i], -alpha) - d->y[i]);
    return GSL_SUCCESS;
}

static int power_df(const gsl_vector *p, void *d_, gsl_matrix *J) {
    data *d = d_;
    double A = gsl_vector_get(p, 1), alpha = gsl_vector_get(p, 2);
    for (size_t i = 0; i < d->n; i++) {
        double v = pow(d->x[i], -alpha);
        gsl_matrix_set(J, i, 0, 1);
        gsl_matrix_set(J, i, 1, v);
        gsl_matrix_set(J, i, 2, -A * log(d->x[i]) * v);
    }
    return GSL_SUCCESS;
}

/* Reads a CSV with a header row and two numeric columns. */
static data read_csv(const char *path) {
    FILE *in = fopen(path, "r");
    if (!in) { perror(path); exit(1); }
    data d = {0, NULL, NULL};
    size_t capacity = 0;
    char line[512];
    if (!fgets(line, sizeof line, in)) { fprintf(stderr, "%s: empty\n", path); exit(1); }
    while (fgets(line, sizeof line, in)) {
        double a, b;
        if (sscanf(line, "%lf,%lf", &a, &b) != 2) continue;
        if (d.n == capacity) {
            capacity = capacity ? 2 * capacity : 64;
            d.x = realloc(d.x, capacity * sizeof *d.x);
            d.y = realloc(d.y, capacity * sizeof *d.y);
        }
        d.x[d.n] = a; d.y[d.n] = b; d.n++;
    }
    fclose(in);
    return d;
}

typedef struct { double p[4], rss; size_t iterations; } result;

static result fit(gsl_multifit_nlinear_fdf *fdf, const double *start, size_t np) {
    gsl_multifit_nlinear_parameters params = gsl_multifit_nlinear_default_parameters();
    params.trs = gsl_multifit_nlinear_trs_lm;
    gsl_multifit_nlinear_workspace *w = gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &params, fdf->n, np);
    gsl_vector_const_view x0 = gsl_vector_const_view_array(start, np);
    gsl_matrix *covar = gsl_matrix_alloc(np, np);
    int info;
    gsl_multifit_nlinear_init(&x0.vector, fdf, w);
    int status = gsl_multifit_nlinear_driver(200, 1e-8, 1e-8, 0.0, NULL, NULL, &info, w);
    if (status != GSL_SUCCESS) { fprintf(stderr, "fit failed: %s\n", gsl_strerror(status)); exit(1); }
    gsl_multifit_nlinear_covar(gsl_multifit_nlinear_jac(w), 0.0, covar);
    result r;
    for (size_t i = 0; i < np; i++) r.p[i] = gsl_vector_get(gsl_multifit_nlinear_position(w), i);
    gsl_blas_ddot(gsl_multifit_nlinear_residual(w), gsl_multifit_nlinear_residual(w), &r.rss);
    r.iterations = gsl_multifit_nlinear_niter(w);
    gsl_matrix_free(covar);
    gsl_multifit_nlinear_free(w);
    return r;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    static const char *sigmoid_names[] = {"A", "B", "Cmid", "R0"}, *power_names[] = {"E", "A", "alpha"};
    int sigmoid = argc > 1 && strcmp(argv[1], "sigmoid") == 0;
    size_t np = sigmoid ? 4 : 3;
    if (argc != 5 + (int)np || (!sigmoid && strcmp(argv[1], "power") != 0)) {
        fprintf(stderr, "usage: fit_gsl sigmoid CSV FITS REPEATS A B Cmid R0\n"
                        "       fit_gsl power CSV FITS REPEATS E A alpha\n");
        return 64;
    }
    gsl_set_error_handler_off();
    data d = read_csv(argv[2]);
    long fits = atol(argv[3]), repeats = atol(argv[4]);
    double start[4], *times = malloc(repeats * sizeof *times);
    for (size_t i = 0; i < np; i++) start[i] = atof(argv[5 + i]);
    gsl_multifit_nlinear_fdf fdf = {
        .f = sigmoid ? sigmoid_f : power_f, .df = sigmoid ? sigmoid_df : power_df, .fvv = NULL,
        .n = d.n, .p = np, .params = &d};
    result r = fit(&fdf, start, np); /* warm-up, and the result printed */
    for (long k = 0; k < repeats; k++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (long i = 0; i < fits; i++) r = fit(&fdf, start, np);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        times[k] = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / 1e3 / fits;
    }
    qsort(times, repeats, sizeof *times, by_value);
    double median = repeats % 2 ? times[repeats / 2] : (times[repeats / 2 - 1] + times[repeats / 2]) / 2;
    printf("us_per_fit=%.3f", median);
    for (size_t i = 0; i < np; i++) printf(" %s=%.17g", (sigmoid ? sigmoid_names : power_names)[i], r.p[i]);
    printf(" rss=%.17g iterations=%zu\n", r.rss, r.iterations);
    return 0;
}
