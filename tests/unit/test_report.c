/* test_report.c -- the report's building blocks: SHA-256 against the
 * FIPS 180-2 test vectors, Heckbert's nice ticks, numbers for reading,
 * HTML escaping (and what is not UTF-8), and the argument errors of
 * clio_html_report.  The pages themselves: tests/cli/report.bats. */
#include "tap.h"

#include "clio.h"
#include "../../tables/report.h"

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    fputs(text, fp);
    fclose(fp);
}

static void test_sha256(const char *dir)
{
    char path[512], hex[65];
    unsigned long long bytes = 0;
    snprintf(path, sizeof path, "%s/abc", dir);
    write_file(path, "abc");
    tap_ok(clio_sha256_file(path, hex, &bytes, NULL) == CLIO_OK && bytes == 3 &&
               strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0,
           "sha256(\"abc\") is FIPS 180-2's (%s)", hex);
    write_file(path, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
    tap_ok(clio_sha256_file(path, hex, &bytes, NULL) == CLIO_OK && bytes == 56 &&
               strcmp(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1") == 0,
           "sha256 of the 56-byte FIPS vector");
    write_file(path, "");
    tap_ok(clio_sha256_file(path, hex, NULL, NULL) == CLIO_OK &&
               strcmp(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == 0,
           "sha256 of an empty file");
    clio_error err = {0};
    tap_ok(clio_sha256_file(dir, hex, NULL, &err) == CLIO_EIO && strstr(err.message, "regular"),
           "a folder is not hashed: %s", err.message);
    snprintf(path, sizeof path, "%s/missing", dir);
    tap_ok(clio_sha256_file(path, hex, NULL, &err) == CLIO_EIO && strstr(err.message, "missing"),
           "a missing file: %s", err.message);
}

static int is_nice(double step)
{
    double e = floor(log10(step)), f = step / pow(10, e);
    return fabs(f - 1) < 1e-9 || fabs(f - 2) < 1e-9 || fabs(f - 5) < 1e-9 || fabs(f - 10) < 1e-9;
}

static void test_ticks(void)
{
    double first, last, step;
    size_t n = clioi_rp_nice_ticks(0, 1028.9, 6, &first, &last, &step);
    tap_ok(n == 4 && first == 0 && last == 1500 && step == 500, "ticks of [0, 1028.9]: 0..1500 by 500");
    const double ranges[][2] = {{-0.45921, 4.0344}, {0, 1e-7}, {-97292, 1000}, {0.8, 1.26},
                                {3, 3},             {0, 0},    {-5, -5},       {1e12, 3e12}};
    int ok = 1;
    for (size_t k = 0; k < sizeof ranges / sizeof ranges[0]; k++) {
        double lo = ranges[k][0], hi = ranges[k][1];
        n = clioi_rp_nice_ticks(lo, hi, 6, &first, &last, &step);
        ok &= first <= lo && last >= hi && step > 0 && is_nice(step) && n >= 2 && n <= 12 &&
              fabs(first + (double)(n - 1) * step - last) <= 1e-9 * fabs(step);
    }
    tap_ok(ok, "ticks cover every range (also one value, and zero) by 1, 2 or 5 x 10^k");
}

static void test_format(void)
{
    const struct {
        double v;
        const char *want;
    } cases[] = {{1.7048123, "1.7048"}, {1028.9377, "1028.9"}, {0, "0"},        {3, "3"},
                 {NAN, "n/a"},          {1e-5, "1e-05"},       {-0.5, "-0.5"},   {1234567, "1234567"},
                 {0.012345678, "0.012346"}, {-1e-20, "-1e-20"}, {2.5e9, "2.5e+09"}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char buf[64];
        clioi_rp_format(cases[k].v, buf, sizeof buf);
        tap_ok(strcmp(buf, cases[k].want) == 0, "%g reads %s (got %s)", cases[k].v, cases[k].want,
               buf);
    }
}

static void test_escape(void)
{
    rp_page p = {0};
    clioi_rp_text(&p, "<a href='x'>&\"R&D\"</a> \xC3\xA9 \xFF \x01 \xC0\xAF end");
    tap_ok(p.s && strcmp(p.s, "&lt;a href=&#39;x&#39;&gt;&amp;&quot;R&amp;D&quot;&lt;/a&gt; "
                              "\xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD end") == 0,
           "& < > \" ' escaped, UTF-8 kept, bad bytes and controls replaced: %s", p.s);
    free(p.s);
}

static void test_errors(const char *dir)
{
    clio_error err = {0};
    char out[512];
    snprintf(out, sizeof out, "%s/r.html", dir);
    const char *none[] = {NULL};
    tap_ok(clio_html_report(none, 0, out, &err) == CLIO_EINVAL, "no files: EINVAL");
    tap_ok(clio_html_report(none, 1, out, &err) == CLIO_EINVAL, "a NULL file: EINVAL");
    const char *files[] = {dir};
    tap_ok(clio_html_report(files, 1, out, &err) == CLIO_EIO && access(out, F_OK) != 0,
           "a folder as a result: EIO, no page (%s)", err.message);
    tap_ok(clio_provenance_set(NULL, NULL) == CLIO_OK, "provenance cleared");
}

int main(void)
{
    char dir[] = "/tmp/clio_test_report_XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    test_sha256(dir);
    test_ticks();
    test_format();
    test_escape();
    test_errors(dir);
    char path[512];
    snprintf(path, sizeof path, "%s/abc", dir);
    remove(path);
    rmdir(dir);
    return tap_done();
}
