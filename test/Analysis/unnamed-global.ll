; An unnamed global (one the optimizer made, e.g. by merging constants under
; LTO) is named as such in the reason, not as an empty name.
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s

; CHECK-LABEL: escape: function 'publish'
; CHECK-NEXT:    site %o new (8 bytes): escapes: stored to global '<unnamed>'

declare ptr @_Znwm(i64)

@0 = internal global ptr null

define void @publish() {
  %o = call noalias nonnull ptr @_Znwm(i64 8) #0
  store ptr %o, ptr @0
  ret void
}

attributes #0 = { builtin }
