/*
 * Generates bit-exact reference vectors for src/core/rng/libm.ts and fma.ts
 * from the C library of the machine it runs on.
 *
 * The reference is glibc 2.36 on x86_64 with FMA+AVX2, where log() and pow()
 * dispatch to __ieee754_log_fma / __ieee754_pow_fma (the functions numpy's
 * legacy samplers end up calling) and fma() is the hardware vfmadd.
 * Build and run through scripts/gen-libm-vectors.sh.
 *
 * Output (little-endian), written to the path given as argv[1]:
 *   "LIBMVEC1"                          8 bytes magic
 *   u32 nLog, u32 nPow, u32 nFma, u32 0
 *   nLog x { f64 x, f64 log(x) }
 *   nPow x { f64 x, f64 y, f64 pow(x, y) }
 *   nFma x { f64 a, f64 b, f64 c, f64 fma(a, b, c) }
 *   nLog + nPow + nFma category bytes (one per vector, in the same order)
 *   for each of log, pow, fma: u8 nCategories, then per category u8 len + name
 * Every number is stored as its raw IEEE-754 bit pattern, so NaN payloads,
 * signed zeros and subnormals survive.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- deterministic PRNG (splitmix64) ---------------------------------- */
static uint64_t rng_state = 0x243f6a8885a308d3ULL;
static uint64_t next64(void) {
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
static double asdouble(uint64_t i) { double d; memcpy(&d, &i, 8); return d; }
static uint64_t asuint64(double d) { uint64_t i; memcpy(&i, &d, 8); return i; }
/* numpy legacy random_sample: 53 random bits / 2^53, in [0, 1). */
static double uniform53(void) {
  uint32_t a = (uint32_t)(next64() >> 32) >> 5, b = (uint32_t)(next64() >> 32) >> 6;
  return (a * 67108864.0 + b) / 9007199254740992.0;
}
/* uniform in (lo, hi) over doubles, not bits */
static double uniform_in(double lo, double hi) { return lo + (hi - lo) * uniform53(); }
/* random double with exponent field in [emin, emax] (biased), random mantissa, given sign */
static double rand_exp(int emin, int emax, int neg) {
  uint64_t e = (uint64_t)(emin + (int)(next64() % (uint64_t)(emax - emin + 1)));
  uint64_t m = next64() & 0xfffffffffffffULL;
  return asdouble(((uint64_t)neg << 63) | (e << 52) | m);
}
static double nextup(double x, int n) { return asdouble(asuint64(x) + (uint64_t)n); }

/* ---- storage ------------------------------------------------------------ */
#define MAXV 40000
static double logv[MAXV][2]; static uint8_t logc[MAXV]; static int nlog;
static double powv[MAXV][3]; static uint8_t powc[MAXV]; static int npow;
static double fmav[MAXV][4]; static uint8_t fmac[MAXV]; static int nfma;
static const char *logcat[32]; static int nlogcat;
static const char *powcat[32]; static int npowcat;
static const char *fmacat[32]; static int nfmacat;

/* volatile function pointers: no constant folding, always the real libm */
static double (*volatile LOG)(double) = log;
static double (*volatile POW)(double, double) = pow;
static double (*volatile FMA)(double, double, double) = fma;

static void add_log(int cat, double x) {
  if (nlog >= MAXV) abort();
  logv[nlog][0] = x; logv[nlog][1] = LOG(x); logc[nlog++] = (uint8_t)cat;
}
static void add_pow(int cat, double x, double y) {
  if (npow >= MAXV) abort();
  powv[npow][0] = x; powv[npow][1] = y; powv[npow][2] = POW(x, y); powc[npow++] = (uint8_t)cat;
}
static void add_fma(int cat, double a, double b, double c) {
  if (nfma >= MAXV) abort();
  fmav[nfma][0] = a; fmav[nfma][1] = b; fmav[nfma][2] = c; fmav[nfma][3] = FMA(a, b, c);
  fmac[nfma++] = (uint8_t)cat;
}
static int cat(const char **tab, int *n, const char *name) { tab[*n] = name; return (*n)++; }

static const double SHAPES[] = { 1.0 / 64, 1.0 / 16, 1.0 / 9, 0.25, 0.7, 0.3 };

static void gen_log(void) {
  int c;
  /* what numpy feeds: U, 1-U, (1-U)/shape, and the gauss r2 */
  c = cat(logcat, &nlogcat, "uniform53 U in [0,1)");
  for (int i = 0; i < 6000; i++) add_log(c, uniform53());
  c = cat(logcat, &nlogcat, "1-U");
  for (int i = 0; i < 3000; i++) add_log(c, 1.0 - uniform53());
  c = cat(logcat, &nlogcat, "(1-U)/shape, shape in {1/64,1/16,1/9,1/4,0.7,0.3}");
  for (int s = 0; s < 6; s++)
    for (int i = 0; i < 500; i++) add_log(c, (1.0 - uniform53()) / SHAPES[s]);
  c = cat(logcat, &nlogcat, "gauss r2 = x1^2+x2^2 < 1");
  for (int i = 0; i < 1000; i++) {
    double x1 = 2.0 * uniform53() - 1.0, x2 = 2.0 * uniform53() - 1.0, r2 = x1 * x1 + x2 * x2;
    if (r2 < 1.0 && r2 != 0.0) add_log(c, r2); else i--;
  }
  c = cat(logcat, &nlogcat, "gamma v=(1+c*x)^3 near 1");
  for (int i = 0; i < 1000; i++) {
    double cc = 1.0 / sqrt(9.0 * (uniform_in(1.0, 50.0) - 1.0 / 3.0));
    double x = uniform_in(-3.0, 3.0), v = 1.0 + cc * x;
    if (v > 0) add_log(c, v * v * v); else i--;
  }
  /* near-1 branch: [1-2^-4, 1+0x1.09p-4) and just outside it */
  c = cat(logcat, &nlogcat, "near 1, inside the |x-1| branch");
  for (int i = 0; i < 2500; i++) add_log(c, uniform_in(1.0 - 0x1p-4, 1.0 + 0x1.09p-4));
  c = cat(logcat, &nlogcat, "near 1, 1 +- 2^-e (tiny offsets)");
  for (int i = 0; i < 1500; i++) {
    int e = 5 + (int)(next64() % 49);
    double d = ldexp(1.0 + uniform53(), -e);
    add_log(c, (i & 1) ? 1.0 + d : 1.0 - d / 2);
  }
  c = cat(logcat, &nlogcat, "branch edges +- k ulp");
  {
    const double edges[] = { 1.0 - 0x1p-4, 1.0 + 0x1.09p-4, 1.0, 0x1.6p-1 /* OFF */, 0x1.6p0 };
    for (int j = 0; j < 5; j++)
      for (int k = -40; k <= 40; k++) add_log(c, nextup(edges[j], k));
  }
  c = cat(logcat, &nlogcat, "just outside the near-1 branch");
  for (int i = 0; i < 1000; i++)
    add_log(c, (i & 1) ? uniform_in(1.0 + 0x1.09p-4, 1.0 + 0x1p-3) : uniform_in(1.0 - 0x1p-3, 1.0 - 0x1p-4));
  c = cat(logcat, &nlogcat, "subnormal");
  for (int i = 0; i < 800; i++) {
    uint64_t m = next64() & 0xfffffffffffffULL;
    m >>= next64() % 52;
    add_log(c, asdouble(m ? m : 1));
  }
  c = cat(logcat, &nlogcat, "tiny normal 2^-1022..2^-900");
  for (int i = 0; i < 500; i++) add_log(c, rand_exp(1, 123, 0));
  c = cat(logcat, &nlogcat, "large 2^100..DBL_MAX");
  for (int i = 0; i < 500; i++) add_log(c, rand_exp(1123, 2046, 0));
  c = cat(logcat, &nlogcat, "random positive bit patterns");
  for (int i = 0; i < 2000; i++) add_log(c, rand_exp(1, 2046, 0));
  c = cat(logcat, &nlogcat, "powers of two and neighbours");
  for (int e = -1074; e <= 1023; e += 7) {
    double p = ldexp(1.0, e);
    add_log(c, p);
    if (e > -1074) add_log(c, nextup(p, -1));
    add_log(c, nextup(p, 1));
  }
  c = cat(logcat, &nlogcat, "special values");
  {
    const double sp[] = { 0.0, -0.0, INFINITY, -INFINITY, NAN, -NAN, -1.0, -0x1p-1074, -1e300,
                          1.0, 0x1p-1074, 0x1p-1022, 0x0.fffffffffffffp-1022, 0x1.fffffffffffffp1023,
                          2.0, 0.5, M_E, 10.0 };
    for (unsigned j = 0; j < sizeof sp / sizeof sp[0]; j++) add_log(c, sp[j]);
  }
}

static void gen_pow(void) {
  int c;
  /* numpy legacy gamma with shape < 1: pow(U, 1/shape) and pow(1-shape+shape*Y, 1/shape) */
  c = cat(powcat, &npowcat, "pow(U, 1/shape), shape in {1/64,1/16,1/9,1/4,0.7,0.3}");
  for (int s = 0; s < 6; s++)
    for (int i = 0; i < 1500; i++) add_pow(c, uniform53(), 1.0 / SHAPES[s]);
  c = cat(powcat, &npowcat, "pow(1-shape+shape*Y, 1/shape), Y=-log((1-U)/shape)");
  for (int s = 0; s < 6; s++)
    for (int i = 0; i < 500; i++) {
      double sh = SHAPES[s], u = uniform53(), y = -LOG((1.0 - u) / sh);
      add_pow(c, 1.0 - sh + sh * y, 1.0 / sh);
    }
  c = cat(powcat, &npowcat, "y in {64,16,9,4,1/0.7,2.5,1/0.3}, x around 1");
  {
    const double ys[] = { 64.0, 16.0, 9.0, 4.0, 1.0 / 0.7, 2.5, 1.0 / 0.3 };
    for (int j = 0; j < 7; j++)
      for (int i = 0; i < 300; i++) {
        double x = (i % 3 == 0) ? uniform_in(0.9, 1.1)
                 : (i % 3 == 1) ? 1.0 + (uniform53() - 0.5) * 0x1p-20
                                : nextup(1.0, (int)(next64() % 2001) - 1000);
        add_pow(c, x, ys[j]);
      }
  }
  c = cat(powcat, &npowcat, "x in (0,1), y random in (0.5, 100)");
  for (int i = 0; i < 2500; i++) add_pow(c, uniform53(), uniform_in(0.5, 100.0));
  c = cat(powcat, &npowcat, "x random positive, y random moderate");
  for (int i = 0; i < 2500; i++) {
    double x = rand_exp(1, 2046, 0);
    double y = (next64() & 1 ? -1 : 1) * ldexp(1.0 + uniform53(), (int)(next64() % 20) - 10);
    add_pow(c, x, y);
  }
  c = cat(powcat, &npowcat, "random bit patterns x>0, y in 2^-65..2^63");
  for (int i = 0; i < 1500; i++) add_pow(c, rand_exp(0, 2046, 0), rand_exp(0x3be, 0x43d, next64() & 1));
  c = cat(powcat, &npowcat, "negative x, integer y (odd and even)");
  for (int i = 0; i < 800; i++) {
    double x = -rand_exp(0x3f0, 0x410, 0);
    double y = (double)((int64_t)(next64() % 301) - 150);
    if (i % 5 == 0) y = ldexp((double)(2 * (int64_t)(next64() % 1000) + 1), (int)(next64() % 3)); /* odd / even */
    add_pow(c, x, y);
  }
  c = cat(powcat, &npowcat, "negative x, non-integer y (invalid) and huge even y");
  for (int i = 0; i < 100; i++) add_pow(c, -uniform_in(0.1, 10.0), uniform_in(-10, 10) + 0.5);
  for (int i = 0; i < 50; i++) add_pow(c, -uniform_in(0.9, 1.1), ldexp(1.0 + uniform53(), 53 + (int)(next64() % 20)));
  c = cat(powcat, &npowcat, "results in the subnormal range");
  for (int i = 0; i < 1500; i++) {
    double x = (i & 1) ? uniform_in(1e-3, 0.999) : uniform_in(1.001, 1e3);
    double t = uniform_in(-1080.0, -1018.0); /* target log2 of the result */
    add_pow(c, x, t / log2(x));
  }
  c = cat(powcat, &npowcat, "results near overflow / exp specialcase |y*log x| in [512,1024)");
  for (int i = 0; i < 1500; i++) {
    double x = (i & 1) ? uniform_in(1e-3, 0.999) : uniform_in(1.001, 1e3);
    double t = (i & 2) ? uniform_in(1000.0, 1030.0) : uniform_in(-1500.0, -700.0);
    if (i % 7 == 0) t = uniform_in(730.0, 1480.0) * ((i & 8) ? 1 : -1);
    add_pow(c, x, t / log2(x));
  }
  c = cat(powcat, &npowcat, "subnormal x");
  for (int i = 0; i < 600; i++) {
    uint64_t m = (next64() & 0xfffffffffffffULL) >> (next64() % 52);
    double x = asdouble(m ? m : 1);
    if (i % 4 == 0) x = -x;
    double y = (i % 4 == 0) ? (double)((int)(next64() % 7) - 3) : uniform_in(-1.5, 1.5);
    add_pow(c, x, y);
  }
  c = cat(powcat, &npowcat, "tiny |y| around 2^-65 and huge |y| around 2^63");
  for (int i = 0; i < 400; i++) {
    double x = (i & 1) ? uniform_in(0.5, 2.0) : rand_exp(1, 2046, 0);
    int e = (i & 2) ? -68 + (int)(next64() % 6) : 60 + (int)(next64() % 6);
    add_pow(c, x, (next64() & 1 ? -1 : 1) * ldexp(1.0 + uniform53(), e));
  }
  c = cat(powcat, &npowcat, "|y*log x| < 2^-54 (exp tiny branch)");
  for (int i = 0; i < 300; i++) {
    double x = nextup(1.0, (int)(next64() % 21) - 10);
    add_pow(c, x, (next64() & 1 ? -1 : 1) * uniform_in(0.01, 3.0));
  }
  c = cat(powcat, &npowcat, "special values grid");
  {
    const double sp[] = { 0.0, -0.0, 1.0, -1.0, INFINITY, -INFINITY, NAN, -NAN, 0.5, -0.5, 2.0, -2.0,
                          3.0, -3.0, 0x1p-1074, -0x1p-1074, 0x1.fffffffffffffp1023, -0x1.fffffffffffffp1023,
                          0x1p-1022, 0x1p63, -0x1p63, 0x1p-66, 1.5, 0x1.0000000000001p0,
                          0x1.fffffffffffffp-1 };
    const int n = sizeof sp / sizeof sp[0];
    for (int a = 0; a < n; a++)
      for (int b = 0; b < n; b++) add_pow(c, sp[a], sp[b]);
  }
}

static void gen_fma(void) {
  int c;
  c = cat(fmacat, &nfmacat, "random moderate exponents");
  for (int i = 0; i < 800; i++)
    add_fma(c, rand_exp(0x3c0, 0x440, next64() & 1), rand_exp(0x3c0, 0x440, next64() & 1),
            rand_exp(0x380, 0x480, next64() & 1));
  c = cat(fmacat, &nfmacat, "fma(a, b, -RN(a*b)) exact product error");
  for (int i = 0; i < 300; i++) {
    double a = rand_exp(0x300, 0x500, next64() & 1), b = rand_exp(0x300, 0x500, next64() & 1);
    add_fma(c, a, b, -(a * b));
  }
  c = cat(fmacat, &nfmacat, "naive a*b+c is an exact tie, fused result is not");
  for (int i = 0; i < 1200; i++) {
    double a = rand_exp(0x3f0, 0x410, next64() & 1), b = rand_exp(0x3f0, 0x410, next64() & 1);
    double p = a * b;
    if (FMA(a, b, -p) == 0.0) { i--; continue; }
    /* lowest set bit of p is 2^L; give c an ulp of 2^(L+1) so that c + p is (often) a tie */
    uint64_t ip = asuint64(p), m = (ip & 0xfffffffffffffULL) | 0x10000000000000ULL;
    int L = (int)((ip >> 52) & 0x7ff) - 1075 + __builtin_ctzll(m);
    double cc = ldexp((double)((next64() >> 11) | (1ULL << 52)), L + 1); /* 53-bit integer * 2^(L+1) */
    if ((next64() & 1)) cc = -cc;
    /* keep mostly the cases where the naive a*b + c really differs from the fused result */
    volatile double naive = p + cc;
    if (naive == FMA(a, b, cc) && i % 5 != 0) { i--; continue; }
    add_fma(c, a, b, cc);
  }
  c = cat(fmacat, &nfmacat, "round-to-odd needed: short RN(a*b) with nonzero error, c + RN(a*b) a tie");
  for (int i = 0; i < 600; i++) {
    /* a*b rounds to a number with few significant bits (but is not exact); c puts
       c + RN(a*b) exactly on a midpoint, so only the product error decides */
    double t = ldexp((double)((next64() >> (63 - (int)(next64() % 12))) | 1), -(int)(next64() % 12));
    double a = asdouble((next64() & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL), b = t / a;
    double p = a * b;
    if (FMA(a, b, -p) == 0.0) { i--; continue; }
    uint64_t ip = asuint64(p), m = (ip & 0xfffffffffffffULL) | 0x10000000000000ULL;
    int L = (int)((ip >> 52) & 0x7ff) - 1075 + __builtin_ctzll(m);
    double cc = ldexp((double)((next64() >> 11) | (1ULL << 52)), L + 1);
    if (next64() & 1) cc = -cc;
    if (next64() & 1) a = -a;
    add_fma(c, a, b, cc);
  }
  c = cat(fmacat, &nfmacat, "cancellation c ~ -a*b");
  for (int i = 0; i < 400; i++) {
    double a = rand_exp(0x3f0, 0x410, next64() & 1), b = rand_exp(0x3f0, 0x410, next64() & 1);
    add_fma(c, a, b, nextup(-(a * b), (int)(next64() % 2001) - 1000));
  }
  c = cat(fmacat, &nfmacat, "far apart exponents");
  for (int i = 0; i < 400; i++) {
    double a = rand_exp(0x3f0, 0x410, next64() & 1), b = rand_exp(0x3f0, 0x410, next64() & 1);
    double cc = ldexp(rand_exp(0x3ff, 0x3ff, next64() & 1), (int)(next64() % 241) - 120);
    add_fma(c, a, b, cc);
  }
  c = cat(fmacat, &nfmacat, "subnormal / underflowing results and tiny products");
  for (int i = 0; i < 500; i++) {
    double a = rand_exp(0x001, 0x200, next64() & 1), b = rand_exp(0x001, 0x200, next64() & 1);
    double cc = (i & 1) ? rand_exp(0, 0x040, next64() & 1) : -(a * b) * (1 + 0x1p-30);
    if (i % 5 == 0) cc = asdouble(next64() & 0x800fffffffffffffULL);
    add_fma(c, a, b, cc);
  }
  c = cat(fmacat, &nfmacat, "huge operands, overflow and near-overflow");
  for (int i = 0; i < 300; i++) {
    double a = rand_exp(0x600, 0x7fe, next64() & 1), b = rand_exp(0x100, 0x600, next64() & 1);
    double cc = (i & 1) ? rand_exp(0x780, 0x7fe, next64() & 1) : -(a * b);
    add_fma(c, a, b, cc);
  }
  c = cat(fmacat, &nfmacat, "signed zeros, infinities, NaN");
  {
    const double sp[] = { 0.0, -0.0, 1.0, -1.0, INFINITY, -INFINITY, NAN, 0x1p-1074, -0x1p-1074,
                          0x1.fffffffffffffp1023, -0x1.fffffffffffffp1023, 0x1p-600, 0x1p600 };
    const int n = sizeof sp / sizeof sp[0];
    for (int a = 0; a < n; a++)
      for (int b = 0; b < n; b++)
        for (int d = 0; d < n; d++) add_fma(c, sp[a], sp[b], sp[d]);
  }
  c = cat(fmacat, &nfmacat, "classic hard cases");
  add_fma(c, 1 + 0x1p-52, 1 + 0x1p-52, -1 - 0x1p-51);
  add_fma(c, 1 + 0x1p-52, 0x1p-53 * (1 - 0x1p-53), 1.0); /* needs round-to-odd: 1 + 2^-52, naive 1 */
  add_fma(c, -(1 + 0x1p-52), 0x1p-53 * (1 - 0x1p-53), -1.0);
  add_fma(c, 1 + 0x1p-27, 1 - 0x1p-27, -1);
  add_fma(c, 0x1.fffffffffffffp-1, 0x1.fffffffffffffp-1, -0x1.ffffffffffffep-1);
  add_fma(c, 0x1p-1022, 0x1p-52, 0x1p-1074);
  add_fma(c, 0x1.8p-538, 0x1.8p-538, -0x1p-1074);
  add_fma(c, 0x1.0000000000001p512, 0x1.0000000000001p511, -0x1p1023);
  add_fma(c, 0x1p1023, 2.0, -0x1p1023);
  add_fma(c, 0x1.fffffffffffffp1023, 0x1.0000000000001p0, -0x1.fffffffffffffp1023);
  add_fma(c, 0x1p1000, 0x1p100, -INFINITY);
  add_fma(c, 0x1p-1000, 0x1p-100, 1.0);
  add_fma(c, 0x1p-1000, 0x1p-100, -0.0);
  add_fma(c, -0x1p-1000, 0x1p-100, 0.0);
  add_fma(c, 0x1.0000000000001p-537, -0x1.0000000000001p-538, 0x1p-1073);
}

static void put32(FILE *f, uint32_t v) { fwrite(&v, 4, 1, f); }
static void putcats(FILE *f, const char **tab, int n) {
  uint8_t b = (uint8_t)n; fwrite(&b, 1, 1, f);
  for (int i = 0; i < n; i++) { b = (uint8_t)strlen(tab[i]); fwrite(&b, 1, 1, f); fwrite(tab[i], 1, b, f); }
}

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: %s out.bin\n", argv[0]); return 2; }
  gen_log(); gen_pow(); gen_fma();
  FILE *f = fopen(argv[1], "wb");
  if (!f) { perror(argv[1]); return 1; }
  fwrite("LIBMVEC1", 1, 8, f);
  put32(f, (uint32_t)nlog); put32(f, (uint32_t)npow); put32(f, (uint32_t)nfma); put32(f, 0);
  fwrite(logv, 16, (size_t)nlog, f);
  fwrite(powv, 24, (size_t)npow, f);
  fwrite(fmav, 32, (size_t)nfma, f);
  fwrite(logc, 1, (size_t)nlog, f); fwrite(powc, 1, (size_t)npow, f); fwrite(fmac, 1, (size_t)nfma, f);
  putcats(f, logcat, nlogcat); putcats(f, powcat, npowcat); putcats(f, fmacat, nfmacat);
  fclose(f);
  printf("log: %d vectors, pow: %d vectors, fma: %d vectors -> %s\n", nlog, npow, nfma, argv[1]);
  return 0;
}
