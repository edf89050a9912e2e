; A call of a function that allocates and returns nothing (std::vector's
; push_back, a user's fill(out)) is a site of its caller with no value of its
; own: it is named by its callee, in the site line and in the flow, not as
; "<badref>" or an empty slot: `call @callee` in the IR listing, the callee's
; source name in the flow (which -m=2 prints).
; RUN: %opt %loadescape -passes='print<escape>' -disable-output %s 2>&1 | %FileCheck %s

; CHECK-LABEL: escape: function 'user'
; CHECK:         site call @fill fill(...): escapes: stored through parameter 'out'
; CHECK-NEXT:      from {call to 'fill'} (escape)
; CHECK-NEXT:      from {storage for {call to 'fill'}} (address-of)

declare ptr @_Znwm(i64)

define linkonce_odr void @fill(ptr %out) {
  %p = call noalias nonnull ptr @_Znwm(i64 8) #0
  store ptr %p, ptr %out
  ret void
}

define void @user(ptr %out) {
  call void @fill(ptr %out)
  ret void
}

attributes #0 = { builtin }
