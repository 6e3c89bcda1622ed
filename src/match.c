#include "match.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"

struct match_jit {
    pthread_mutex_t lock;
    atomic_int done;     /* 1 once JIT compilation was tried */
    pcre2_code *code;    /* the compiled pattern it JIT-compiles (owned) */
    size_t refs;         /* patterns sharing it; changed only while loading */
};

/* JIT-compile p on its first match (once, whichever thread comes first). */
static void jit_first_use(const rule_pattern *p)
{
    match_jit *j = p->jit;
    if (!j || atomic_load_explicit(&j->done, memory_order_acquire))
        return;
    pthread_mutex_lock(&j->lock);
    if (!atomic_load_explicit(&j->done, memory_order_relaxed)) {
        /* On failure (no JIT support, no executable memory) pcre2_match
         * interprets: same results, slower. */
        (void)pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
        atomic_store_explicit(&j->done, 1, memory_order_release);
    }
    pthread_mutex_unlock(&j->lock);
}

int match_compile(rule_pattern *p, const char *src, cps_err *e)
{
    int errcode = 0;
    PCRE2_SIZE erroff = 0;
    memset(p, 0, sizeof *p);
    p->pf = MATCH_NO_PF;
    p->code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
                            PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS |
                                PCRE2_NEVER_BACKSLASH_C | PCRE2_USE_OFFSET_LIMIT,
                            &errcode, &erroff, NULL);
    if (!p->code) {
        PCRE2_UCHAR msg[256];
        if (pcre2_get_error_message(errcode, msg, sizeof msg) < 0)
            strcpy((char *)msg, "unknown error");
        return cps_err_set(e, CPS_E_RULES, NULL, 0, "%s at offset %zu",
                           (const char *)msg, (size_t)erroff);
    }
    p->jit = xcalloc(1, sizeof *p->jit);
    pthread_mutex_init(&p->jit->lock, NULL);
    atomic_init(&p->jit->done, 0);
    p->jit->code = p->code;
    p->jit->refs = 1;
    p->src = xstrdup(src);
    return 0;
}

void match_pattern_share(rule_pattern *p, const rule_pattern *like)
{
    if (p->jit == like->jit)
        return;
    if (--p->jit->refs == 0) {
        pcre2_code_free(p->jit->code);
        pthread_mutex_destroy(&p->jit->lock);
        free(p->jit);
    }
    p->jit = like->jit;
    p->jit->refs++;
    p->code = like->code;
}

void match_pattern_free(rule_pattern *p)
{
    if (!p)
        return;
    if (p->jit && --p->jit->refs == 0) {
        pcre2_code_free(p->jit->code);
        pthread_mutex_destroy(&p->jit->lock);
        free(p->jit);
    }
    free(p->src);
    memset(p, 0, sizeof *p);
}

int matcher_init(matcher *m, uint32_t match_limit, uint32_t depth_limit,
                 uint32_t heap_limit_kib, cps_err *e)
{
    memset(m, 0, sizeof *m);
    m->match_limit = match_limit ? match_limit : MATCH_DEFAULT_MATCH_LIMIT;
    m->depth_limit = depth_limit ? depth_limit : MATCH_DEFAULT_DEPTH_LIMIT;
    m->heap_limit_kib = heap_limit_kib ? heap_limit_kib : MATCH_DEFAULT_HEAP_LIMIT_KIB;
    /* Ten pairs are enough: rules never read captures beyond group 0, and
     * PCRE2 only needs room for the overall match. */
    m->md = pcre2_match_data_create(10, NULL);
    m->mc = pcre2_match_context_create(NULL);
    m->js = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (!m->md || !m->mc) {
        matcher_free(m);
        return cps_err_set(e, CPS_E_NOMEM, NULL, 0, "out of memory (PCRE2)");
    }
    pcre2_set_match_limit(m->mc, m->match_limit);
    pcre2_set_depth_limit(m->mc, m->depth_limit);
    pcre2_set_heap_limit(m->mc, m->heap_limit_kib);
    if (m->js)
        pcre2_jit_stack_assign(m->mc, NULL, m->js);
    return 0;
}

void matcher_free(matcher *m)
{
    if (!m)
        return;
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mc);
    pcre2_jit_stack_free(m->js);
    memset(m, 0, sizeof *m);
}

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void matcher_budget_start(matcher *m, unsigned ms)
{
    m->budget_ms = ms ? ms : MATCH_DEFAULT_WORK_MS;
    if (ms == (unsigned)-1)
        m->budget_ms = 0;
    m->wall_spent = 0;
    m->wall_start = 0;
    m->cpu_start = m->budget_ms ? clock_s(CLOCK_THREAD_CPUTIME_ID) : 0;
}

/* 1 when the budget is spent. Wall time inside PCRE2 is cheap to read and
 * never less than the CPU time it holds, so the thread's CPU clock (a
 * system call) is read only once the wall time passes the budget. */
static int budget_spent(matcher *m)
{
    if (!m->budget_ms)
        return 0;
    double budget = m->budget_ms / 1000.0;
    if (m->wall_spent <= budget)
        return 0;
    return clock_s(CLOCK_THREAD_CPUTIME_ID) - m->cpu_start > budget;
}

static int map_rc(int rc)
{
    switch (rc) {
    case PCRE2_ERROR_MATCHLIMIT:
    case PCRE2_ERROR_DEPTHLIMIT:
    case PCRE2_ERROR_HEAPLIMIT:
    case PCRE2_ERROR_JIT_STACKLIMIT:
    case PCRE2_ERROR_NOMEMORY:
        return MATCH_E_LIMIT;
    default:
        return MATCH_E_OTHER;
    }
}

int match_find(matcher *m, const rule_pattern *p, const char *s, size_t n,
               size_t from, size_t *ms, size_t *me)
{
    if (from > n)
        return MATCH_NONE;
    jit_first_use(p);
    size_t start = from;
    for (;;) {
        if (budget_spent(m)) {
            m->last_rc = MATCH_RC_BUDGET;
            return MATCH_E_BUDGET;
        }
        /* start positions [start, last]; the last window runs to the end */
        size_t last = n - start > MATCH_WINDOW ? start + MATCH_WINDOW - 1 : n;
        pcre2_set_offset_limit(m->mc, last >= n ? PCRE2_UNSET : (PCRE2_SIZE)last);
        double t0 = m->budget_ms ? clock_s(CLOCK_MONOTONIC) : 0;
        int rc = pcre2_match(p->code, (PCRE2_SPTR)s, n, start, PCRE2_NO_UTF_CHECK, m->md,
                             m->mc);
        if (m->budget_ms)
            m->wall_spent += clock_s(CLOCK_MONOTONIC) - t0;
        m->last_rc = rc;
        if (rc >= 0) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
            *ms = ov[0];
            *me = ov[1] < ov[0] ? ov[0] : ov[1]; /* \K can put the end first */
            return MATCH_FOUND;
        }
        if (rc != PCRE2_ERROR_NOMATCH)
            return map_rc(rc);
        if (last >= n)
            return MATCH_NONE;
        /* the next start position is a character boundary (the subject
         * is valid UTF-8, matched without a check) */
        start = last + 1;
        while (start < n && ((unsigned char)s[start] & 0xC0) == 0x80)
            start++;
    }
}

void match_error_message(const matcher *m, char *out, size_t n)
{
    if (m->last_rc == MATCH_RC_BUDGET) {
        snprintf(out, n,
                 "work budget exceeded: the rule's patterns used more than %u ms of CPU "
                 "on this document",
                 m->budget_ms);
        return;
    }
    PCRE2_UCHAR msg[256];
    if (pcre2_get_error_message(m->last_rc, msg, sizeof msg) < 0)
        snprintf((char *)msg, sizeof msg, "PCRE2 error");
    snprintf(out, n, "%s (%d)", (const char *)msg, m->last_rc);
}
