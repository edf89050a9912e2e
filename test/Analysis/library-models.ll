; The library models (LibraryModels.h): one function per table entry, where
; a buffer given to the modelled argument stays local (does not escape) and
; its delete is matched, and the cases the models leave to the declaration
; (the buffer escapes): `%p`, an argument no conversion consumes as a string,
; a format that is not a constant, `%N$` positions, an unknown conversion,
; and `-fno-builtin` (TargetLibraryInfo does not know printf then).
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s
; RUN: %opt %loadescape -passes='print<escape>' -disable-output -disable-builtin=printf %s 2>&1 | %FileCheck %s --check-prefix=NOBUILTIN

; CHECK-LABEL: escape: function 'printf_s'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'printf_n'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'printf_star_width'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'fprintf_s'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'sprintf_s'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'snprintf_s'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'dprintf_s'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'printf_chk_s'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'fprintf_chk_s'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'sprintf_chk_s'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'snprintf_chk_s'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'dprintf_chk_s'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'throw_fmt_s'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'throw_messages'
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'sprintf_copies_content'
; CHECK:         site %o new (16 bytes): escapes: stored through parameter 'out'
; CHECK-NEXT:      from {*%b formatted into %out} (escape)
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'fprintf_text_only'
; CHECK:         site %o new (16 bytes): does not escape
; CHECK:         site %b new (16 bytes): does not escape
; CHECK-LABEL: escape: function 'printf_p'
; CHECK:         site %b new (16 bytes): escapes: passed to unknown function 'printf'
; CHECK-LABEL: escape: function 'printf_d_pointer'
; CHECK:         site %b new (16 bytes): escapes: passed to unknown function 'printf'
; CHECK-LABEL: escape: function 'printf_extra_argument'
; CHECK:         site %b new (16 bytes): escapes: passed to unknown function 'printf'
; CHECK-LABEL: escape: function 'printf_variable_format'
; CHECK:         site %b new (16 bytes): escapes: passed to unknown function 'printf'
; CHECK-LABEL: escape: function 'printf_positional'
; CHECK:         site %b new (16 bytes): escapes: passed to unknown function 'printf'
; CHECK-LABEL: escape: function 'printf_unknown_conversion'
; CHECK:         site %b new (16 bytes): escapes: passed to unknown function 'printf'
; CHECK-LABEL: escape: function 'throw_fmt_p'
; CHECK:         site %b new (16 bytes): escapes: passed to unknown function 'std::__throw_out_of_range_fmt'
; CHECK-LABEL: escape: function 'throw_fmt_defined'
; CHECK:         site %b new (16 bytes): escapes: passed to 'throw_fmt_body' which leaks it

; NOBUILTIN-LABEL: escape: function 'printf_s'
; NOBUILTIN:         site %b new (16 bytes): escapes: passed to unknown function 'printf'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare i32 @printf(ptr nocapture noundef readonly, ...)
declare i32 @fprintf(ptr nocapture noundef, ptr nocapture noundef readonly, ...)
declare i32 @sprintf(ptr noalias nocapture noundef writeonly, ptr nocapture noundef readonly, ...)
declare i32 @snprintf(ptr noalias nocapture noundef writeonly, i64 noundef, ptr nocapture noundef readonly, ...)
declare i32 @dprintf(i32, ptr, ...)
declare i32 @__printf_chk(i32, ptr, ...)
declare i32 @__fprintf_chk(ptr, i32, ptr, ...)
declare i32 @__sprintf_chk(ptr, i32, i64, ptr, ...)
declare i32 @__snprintf_chk(ptr, i64, i32, i64, ptr, ...)
declare i32 @__dprintf_chk(i32, i32, ptr, ...)
declare void @_ZSt24__throw_out_of_range_fmtPKcz(ptr, ...)
declare void @_ZSt19__throw_logic_errorPKc(ptr)
declare void @_ZSt20__throw_domain_errorPKc(ptr)
declare void @_ZSt24__throw_invalid_argumentPKc(ptr)
declare void @_ZSt20__throw_length_errorPKc(ptr)
declare void @_ZSt20__throw_out_of_rangePKc(ptr)
declare void @_ZSt21__throw_runtime_errorPKc(ptr)
declare void @_ZSt19__throw_range_errorPKc(ptr)
declare void @_ZSt22__throw_overflow_errorPKc(ptr)
declare void @_ZSt23__throw_underflow_errorPKc(ptr)

@s = private constant [4 x i8] c"%s\0A\00"
@n = private constant [8 x i8] c"ab%-5n\0A\00"
@star = private constant [7 x i8] c"%*.*s\0A\00"
@p = private constant [4 x i8] c"%p\0A\00"
@d = private constant [4 x i8] c"%d\0A\00"
@pos = private constant [6 x i8] c"%1$s\0A\00"
@unknown = private constant [4 x i8] c"%k\0A\00"
@lite = private constant [20 x i8] c"%s: %zu (which %%)\0A\00"
@litep = private constant [4 x i8] c"%p\0A\00"
@fmtvar = global ptr @s
@file = external global ptr

define void @printf_s() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (ptr, ...) @printf(ptr @s, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @printf_n() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (ptr, ...) @printf(ptr @n, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

; `*` width and precision consume an int each; the string is the third.
define void @printf_star_width() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (ptr, ...) @printf(ptr @star, i32 4, i32 2, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @fprintf_s() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  %f = load ptr, ptr @file
  call i32 (ptr, ptr, ...) @fprintf(ptr %f, ptr @s, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @sprintf_s(ptr %out) {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (ptr, ptr, ...) @sprintf(ptr %out, ptr @s, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @snprintf_s(ptr %out) {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (ptr, i64, ptr, ...) @snprintf(ptr %out, i64 8, ptr @s, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @dprintf_s() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (i32, ptr, ...) @dprintf(i32 2, ptr @s, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @printf_chk_s() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (i32, ptr, ...) @__printf_chk(i32 1, ptr @s, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @fprintf_chk_s() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  %f = load ptr, ptr @file
  call i32 (ptr, i32, ptr, ...) @__fprintf_chk(ptr %f, i32 1, ptr @s, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @sprintf_chk_s(ptr %out) {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (ptr, i32, i64, ptr, ...) @__sprintf_chk(ptr %out, i32 1, i64 8, ptr @s, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @snprintf_chk_s(ptr %out) {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (ptr, i64, i32, i64, ptr, ...) @__snprintf_chk(ptr %out, i64 8, i32 1, i64 8, ptr @s, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @dprintf_chk_s() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (i32, i32, ptr, ...) @__dprintf_chk(i32 2, i32 1, ptr @s, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @throw_fmt_s(i1 %c) personality ptr null {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  br i1 %c, label %throw, label %done
throw:
  invoke void (ptr, ...) @_ZSt24__throw_out_of_range_fmtPKcz(ptr @lite, ptr %b, i64 3)
      to label %done unwind label %lp
lp:
  %l = landingpad { ptr, i32 } cleanup
  call void @_ZdlPv(ptr %b)
  resume { ptr, i32 } %l
done:
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @throw_messages(i32 %k) {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  switch i32 %k, label %done [ i32 0, label %t0
                               i32 1, label %t1
                               i32 2, label %t2
                               i32 3, label %t3
                               i32 4, label %t4
                               i32 5, label %t5
                               i32 6, label %t6
                               i32 7, label %t7
                               i32 8, label %t8 ]
t0:
  call void @_ZSt19__throw_logic_errorPKc(ptr %b)
  br label %done
t1:
  call void @_ZSt20__throw_domain_errorPKc(ptr %b)
  br label %done
t2:
  call void @_ZSt24__throw_invalid_argumentPKc(ptr %b)
  br label %done
t3:
  call void @_ZSt20__throw_length_errorPKc(ptr %b)
  br label %done
t4:
  call void @_ZSt20__throw_out_of_rangePKc(ptr %b)
  br label %done
t5:
  call void @_ZSt21__throw_runtime_errorPKc(ptr %b)
  br label %done
t6:
  call void @_ZSt19__throw_range_errorPKc(ptr %b)
  br label %done
t7:
  call void @_ZSt22__throw_overflow_errorPKc(ptr %b)
  br label %done
t8:
  call void @_ZSt23__throw_underflow_errorPKc(ptr %b)
  br label %done
done:
  call void @_ZdlPv(ptr %b)
  ret void
}

; sprintf copies the characters into its output as memcpy would: what the
; buffer holds (here an object's address) reaches the caller's object.
define void @sprintf_copies_content(ptr %out) {
  %o = call noalias nonnull ptr @_Znwm(i64 16) #0
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  store ptr %o, ptr %b
  call i32 (ptr, ptr, ...) @sprintf(ptr %out, ptr @s, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

; Text written to a stream holds no pointer.
define void @fprintf_text_only() {
  %o = call noalias nonnull ptr @_Znwm(i64 16) #0
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  store ptr %o, ptr %b
  %f = load ptr, ptr @file
  call i32 (ptr, ptr, ...) @fprintf(ptr %f, ptr @s, ptr %b)
  call void @_ZdlPv(ptr %b)
  call void @_ZdlPv(ptr %o)
  ret void
}

; The pointer's value becomes text: it escapes.
define void @printf_p() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (ptr, ...) @printf(ptr @p, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

; A pointer where a number is expected: left to the declaration.
define void @printf_d_pointer() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (ptr, ...) @printf(ptr @d, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

; An argument no conversion consumes: left to the declaration.
define void @printf_extra_argument(ptr %t) {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (ptr, ...) @printf(ptr @s, ptr %t, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @printf_variable_format() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  %f = load ptr, ptr @fmtvar
  call i32 (ptr, ...) @printf(ptr %f, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @printf_positional() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (ptr, ...) @printf(ptr @pos, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

define void @printf_unknown_conversion() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call i32 (ptr, ...) @printf(ptr @unknown, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

; __snprintf_lite knows no `%p`: nothing is modelled.
define void @throw_fmt_p() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call void (ptr, ...) @_ZSt24__throw_out_of_range_fmtPKcz(ptr @litep, ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

; A defined function is judged by its body, whatever its name.
define void @throw_fmt_body(ptr %m, ...) noinline {
  store ptr %m, ptr @fmtvar
  ret void
}

define void @throw_fmt_defined() {
  %b = call noalias nonnull ptr @_Znwm(i64 16) #0
  call void (ptr, ...) @throw_fmt_body(ptr %b)
  call void @_ZdlPv(ptr %b)
  ret void
}

attributes #0 = { builtin }
