; A length read from a parameter's object, added to an integer an unknown
; call returned and written back (`len += strlen(s)`, as basic_string's
; append does) is a store the caller can replay: the parameter's part is
; written back into its own object, and the unknown part clobbers it (the
; object may now hold pointers nobody here knows). Before, the unknown half
; made the whole value escape, and with it what the parameter's object
; held: a std::string temporary built by operator+ escaped in every caller.
; A local's address mixed with the unknown integer still escapes.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s

; CHECK-LABEL: escape: function 'append_length'
; CHECK-NEXT:    param s: s does not escape; content may be overwritten{{$}}
; CHECK-NEXT:    param x: leaking param content: x; may be freed{{$}}
; CHECK-LABEL: escape: function 'local_mixed'
; CHECK-NEXT:    param s: s does not escape; content may be overwritten{{$}}
; CHECK-NEXT:    site %obj new (16 bytes): escapes: converted to integer (stored through parameter 's')
; CHECK-LABEL: escape: function 'caller_keeps_buffer'
; CHECK-NEXT:    site %buf new (32 bytes): does not escape
; CHECK-LABEL: escape: function 'caller_publishes'
; CHECK-NEXT:    site %buf new (32 bytes): escapes: stored to global 'g'

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare i64 @strlen(ptr nocapture readonly)

@g = global ptr null

; s: {ptr data, i64 len}
define void @append_length(ptr %s, ptr %x) noinline {
  %lenp = getelementptr inbounds i8, ptr %s, i64 8
  %len = load i64, ptr %lenp
  %n = call i64 @strlen(ptr %x)
  %sum = add i64 %len, %n
  store i64 %sum, ptr %lenp
  ret void
}

define void @local_mixed(ptr %s) noinline {
  %obj = call noalias nonnull ptr @_Znwm(i64 16) #0
  %a = ptrtoint ptr %obj to i64
  %n = call i64 @strlen(ptr @g)
  %sum = add i64 %a, %n
  store i64 %sum, ptr %s
  ret void
}

define void @caller_keeps_buffer() {
  %str = alloca [16 x i8]
  %buf = call noalias nonnull ptr @_Znwm(i64 32) #0
  store ptr %buf, ptr %str
  call void @append_length(ptr %str, ptr @g)
  %p = load ptr, ptr %str
  call void @_ZdlPv(ptr %p)
  ret void
}

define void @caller_publishes() {
  %str = alloca [16 x i8]
  %buf = call noalias nonnull ptr @_Znwm(i64 32) #0
  store ptr %buf, ptr %str
  call void @append_length(ptr %str, ptr @g)
  %p = load ptr, ptr %str
  store ptr %p, ptr @g
  ret void
}

attributes #0 = { builtin }
