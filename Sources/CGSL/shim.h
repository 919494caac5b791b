// The GSL headers Calx uses, gathered for Swift.
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_result.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort.h>
