#ifndef PLAZADESK_CNCURSESW_SHIM_H
#define PLAZADESK_CNCURSESW_SHIM_H

/* Wide-character curses: these must be defined before any curses header. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Glibc's Swift import hides wcwidth; declare it so Swift sees it. */
int wcwidth(wchar_t c);

/* Globals and macros that Swift cannot import (or that Swift 6 rejects as
   not concurrency-safe), wrapped as functions. */
static inline WINDOW *pd_stdscr(void) { return stdscr; }
static inline int pd_lines(void) { return LINES; }
static inline int pd_cols(void) { return COLS; }
static inline attr_t pd_a_bold(void) { return A_BOLD; }
static inline attr_t pd_a_reverse(void) { return A_REVERSE; }
static inline attr_t pd_a_dim(void) { return A_DIM; }
static inline attr_t pd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t pd_a_normal(void) { return A_NORMAL; }
static inline attr_t pd_color_pair(short n) { return COLOR_PAIR(n); }
static inline int pd_wcwidth(wchar_t c) { return wcwidth(c); }
static inline chtype pd_acs_hline(void) { return ACS_HLINE; }
static inline chtype pd_acs_vline(void) { return ACS_VLINE; }
static inline int pd_key_code_yes(void) { return KEY_CODE_YES; }
static inline int pd_key_resize(void) { return KEY_RESIZE; }

#endif
