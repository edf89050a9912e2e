; The report a compile step under -flto carries to the link (named metadata
; escape.report; this module is clang's -flto output for the C++ below, with
; its directory renamed): the escape pass at the link reports from it, at
; the user's lines with the user's spelling, once, and skips a document it
; cannot read (another version of the plugin) with a note, demoting anyway.
;   struct W { int v[4]; };
;   __attribute__((noinline)) int peek(const W *w, int n) { ...reads w->v[k], k < n... }
;   int f(int n) { W *w = new W{{n, 1, 2, 3}}; int r = peek(w, n); delete w; return r; }
;
; RUN: %opt %loadescape -passes='lto<O2>' -S %s -o %t.ll 2>&1 | %FileCheck %s --check-prefix=REPORT --implicit-check-not=remark
; RUN: %FileCheck %s --check-prefix=IR < %t.ll
; RUN: %opt %loadescape -passes=escape,escape -disable-output %s 2>&1 | %FileCheck %s --check-prefix=REPORT --implicit-check-not=remark
; RUN: sed 's/\\22version\\22:1}/\\22version\\22:99}/' %s | %opt %loadescape -passes=escape -S -o %t.old.ll 2>&1 | %FileCheck %s --check-prefix=OLD --implicit-check-not=remark
; RUN: %FileCheck %s --check-prefix=IR < %t.old.ll
; RUN: sed 's/^!10 = .*/!10 = !{!"not json"}/' %s | %opt %loadescape -passes=escape -disable-output 2>&1 | %FileCheck %s --check-prefix=OLD --implicit-check-not=remark

; REPORT: /escape-test/f.cpp:2:45: remark: w does not escape
; REPORT-NEXT: /escape-test/f.cpp:4:10: remark: new W does not escape; moved to stack

; IR-LABEL: define {{.*}} @_Z1fi(
; IR-NOT: @_Znwm
; IR: ret i32
; IR-NOT: !escape.report

; OLD: escape: note: 1 translation unit(s) carry a report this plugin cannot read (built by another version of it); they are not reported

; ModuleID = 'f.bc'
source_filename = "f.cpp"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; Function Attrs: mustprogress nofree noinline norecurse nosync nounwind willreturn memory(argmem: read) uwtable
define dso_local noundef i32 @_Z4peekPK1Wi(ptr nocapture noundef readonly %0, i32 noundef %1) local_unnamed_addr #0 !dbg !11 {
  %3 = icmp sgt i32 %1, 0, !dbg !14
  br i1 %3, label %4, label %28, !dbg !15

4:                                                ; preds = %2
  %5 = zext nneg i32 %1 to i64, !dbg !14
  %6 = icmp ult i32 %1, 8, !dbg !15
  br i1 %6, label %7, label %10, !dbg !15

7:                                                ; preds = %24, %4
  %8 = phi i64 [ 0, %4 ], [ %11, %24 ]
  %9 = phi i32 [ 0, %4 ], [ %26, %24 ]
  br label %30, !dbg !15

10:                                               ; preds = %4
  %11 = and i64 %5, 2147483640, !dbg !15
  br label %12, !dbg !15

12:                                               ; preds = %12, %10
  %13 = phi i64 [ 0, %10 ], [ %22, %12 ], !dbg !16
  %14 = phi <4 x i32> [ zeroinitializer, %10 ], [ %20, %12 ]
  %15 = phi <4 x i32> [ zeroinitializer, %10 ], [ %21, %12 ]
  %16 = getelementptr inbounds [4 x i32], ptr %0, i64 0, i64 %13, !dbg !17
  %17 = getelementptr inbounds i8, ptr %16, i64 16, !dbg !17
  %18 = load <4 x i32>, ptr %16, align 4, !dbg !17, !tbaa !18
  %19 = load <4 x i32>, ptr %17, align 4, !dbg !17, !tbaa !18
  %20 = add <4 x i32> %18, %14, !dbg !22
  %21 = add <4 x i32> %19, %15, !dbg !22
  %22 = add nuw i64 %13, 8, !dbg !16
  %23 = icmp eq i64 %22, %11, !dbg !16
  br i1 %23, label %24, label %12, !dbg !16, !llvm.loop !23

24:                                               ; preds = %12
  %25 = add <4 x i32> %21, %20, !dbg !15
  %26 = tail call i32 @llvm.vector.reduce.add.v4i32(<4 x i32> %25), !dbg !15
  %27 = icmp eq i64 %11, %5, !dbg !15
  br i1 %27, label %28, label %7, !dbg !15

28:                                               ; preds = %30, %24, %2
  %29 = phi i32 [ 0, %2 ], [ %26, %24 ], [ %35, %30 ], !dbg !28
  ret i32 %29, !dbg !29

30:                                               ; preds = %30, %7
  %31 = phi i64 [ %36, %30 ], [ %8, %7 ]
  %32 = phi i32 [ %35, %30 ], [ %9, %7 ]
  %33 = getelementptr inbounds [4 x i32], ptr %0, i64 0, i64 %31, !dbg !17
  %34 = load i32, ptr %33, align 4, !dbg !17, !tbaa !18
  %35 = add nsw i32 %34, %32, !dbg !22
  %36 = add nuw nsw i64 %31, 1, !dbg !16
  %37 = icmp eq i64 %36, %5, !dbg !14
  br i1 %37, label %28, label %30, !dbg !15, !llvm.loop !30
}

; Function Attrs: mustprogress uwtable
define dso_local noundef i32 @_Z1fi(i32 noundef %0) local_unnamed_addr #1 !dbg !31 {
  %2 = tail call noalias noundef nonnull dereferenceable(16) ptr @_Znwm(i64 noundef 16) #5, !dbg !32
  store i32 %0, ptr %2, align 4, !dbg !33, !tbaa !18
  %3 = getelementptr inbounds i8, ptr %2, i64 4, !dbg !33
  store i32 1, ptr %3, align 4, !dbg !33, !tbaa !18
  %4 = getelementptr inbounds i8, ptr %2, i64 8, !dbg !33
  store i32 2, ptr %4, align 4, !dbg !33, !tbaa !18
  %5 = getelementptr inbounds i8, ptr %2, i64 12, !dbg !33
  store i32 3, ptr %5, align 4, !dbg !33, !tbaa !18
  %6 = tail call noundef i32 @_Z4peekPK1Wi(ptr noundef nonnull %2, i32 noundef %0), !dbg !34
  tail call void @_ZdlPvm(ptr noundef nonnull %2, i64 noundef 16) #6, !dbg !35
  ret i32 %6, !dbg !36
}

; Function Attrs: nobuiltin allocsize(0)
declare noundef nonnull ptr @_Znwm(i64 noundef) local_unnamed_addr #2

; Function Attrs: nobuiltin nounwind
declare void @_ZdlPvm(ptr noundef, i64 noundef) local_unnamed_addr #3

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare i32 @llvm.vector.reduce.add.v4i32(<4 x i32>) #4

attributes #0 = { mustprogress nofree noinline norecurse nosync nounwind willreturn memory(argmem: read) uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { mustprogress uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #2 = { nobuiltin allocsize(0) "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #3 = { nobuiltin nounwind "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #4 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #5 = { builtin allocsize(0) }
attributes #6 = { builtin nounwind }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3, !4, !5, !6, !7, !8}
!llvm.ident = !{!9}
!escape.report = !{!10}

!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "Debian clang version 19.1.7 (3~deb12u1)", isOptimized: true, runtimeVersion: 0, emissionKind: NoDebug, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "f.cpp", directory: "/escape-test")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !{i32 1, !"wchar_size", i32 4}
!4 = !{i32 8, !"PIC Level", i32 2}
!5 = !{i32 7, !"PIE Level", i32 2}
!6 = !{i32 7, !"uwtable", i32 2}
!7 = !{i32 1, !"ThinLTO", i32 0}
!8 = !{i32 1, !"EnableSplitLTOUnit", i32 1}
!9 = !{!"Debian clang version 19.1.7 (3~deb12u1)"}
!10 = !{!"{\22early\22:[[\22/escape-test/f.cpp\22,4]],\22emitted\22:[[\22/escape-test/f.cpp\22,2],[\22/escape-test/f.cpp\22,3]],\22entries\22:[{\22copies\22:0,\22function\22:\22peek\22,\22kind\22:1,\22message\22:\22w does not escape\22,\22moved\22:false,\22moved_copies\22:0,\22notes\22:[],\22place\22:[\22/escape-test/f.cpp\22,2,45],\22reason\22:\22\22,\22verdict\22:1,\22warning\22:false,\22what\22:\22w\22}],\22function_places\22:{\22_Z1fi\22:[\22/escape-test/f.cpp\22,3,5],\22_Z4peekPK1Wi\22:[\22/escape-test/f.cpp\22,2,31]},\22json\22:\22\22,\22level\22:1,\22noheap\22:[],\22params\22:{\22_Z1fi\22:[\22n\22],\22_Z4peekPK1Wi\22:[\22w\22,\22n\22]},\22sites\22:[[\22/escape-test/f.cpp\22,4,10,\22new W\22,true,false,\22/escape-test/f.cpp\22,3]],\22source\22:\22f.cpp\22,\22user_files\22:[\22/escape-test/<scratch space>\22,\22/escape-test/<command line>\22,\22/escape-test/<built-in>\22,\22/escape-test/f.cpp\22],\22version\22:1}"}
!11 = distinct !DISubprogram(name: "peek", scope: !1, file: !1, line: 2, type: !12, scopeLine: 2, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!12 = !DISubroutineType(types: !13)
!13 = !{}
!14 = !DILocation(line: 2, column: 86, scope: !11)
!15 = !DILocation(line: 2, column: 68, scope: !11)
!16 = !DILocation(line: 2, column: 91, scope: !11)
!17 = !DILocation(line: 2, column: 101, scope: !11)
!18 = !{!19, !19, i64 0}
!19 = !{!"int", !20, i64 0}
!20 = !{!"omnipotent char", !21, i64 0}
!21 = !{!"Simple C++ TBAA"}
!22 = !DILocation(line: 2, column: 98, scope: !11)
!23 = distinct !{!23, !15, !24, !25, !26, !27}
!24 = !DILocation(line: 2, column: 107, scope: !11)
!25 = !{!"llvm.loop.mustprogress"}
!26 = !{!"llvm.loop.isvectorized", i32 1}
!27 = !{!"llvm.loop.unroll.runtime.disable"}
!28 = !DILocation(line: 2, scope: !11)
!29 = !DILocation(line: 2, column: 110, scope: !11)
!30 = distinct !{!30, !15, !24, !25, !27, !26}
!31 = distinct !DISubprogram(name: "f", scope: !1, file: !1, line: 3, type: !12, scopeLine: 3, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!32 = !DILocation(line: 4, column: 10, scope: !31)
!33 = !DILocation(line: 4, column: 16, scope: !31)
!34 = !DILocation(line: 5, column: 11, scope: !31)
!35 = !DILocation(line: 6, column: 3, scope: !31)
!36 = !DILocation(line: 7, column: 3, scope: !31)

^0 = module: (path: "f.bc", hash: (0, 0, 0, 0, 0))
^1 = gv: (name: "_ZdlPvm") ; guid = 2054777859222858863
^2 = gv: (name: "_Z4peekPK1Wi", summaries: (function: (module: ^0, flags: (linkage: external, visibility: default, notEligibleToImport: 1, live: 0, dsoLocal: 1, canAutoHide: 0, importType: definition), insts: 36, funcFlags: (readNone: 0, readOnly: 1, noRecurse: 1, returnDoesNotAlias: 0, noInline: 1, alwaysInline: 0, noUnwind: 1, mayThrow: 0, hasUnknownCall: 0, mustBeUnreachable: 0)))) ; guid = 9202974316075949852
^3 = gv: (name: "_Z1fi", summaries: (function: (module: ^0, flags: (linkage: external, visibility: default, notEligibleToImport: 1, live: 0, dsoLocal: 1, canAutoHide: 0, importType: definition), insts: 11, calls: ((callee: ^5, tail: 1), (callee: ^2, tail: 1), (callee: ^1, tail: 1))))) ; guid = 9353874561339058320
^4 = gv: (name: "llvm.vector.reduce.add.v4i32") ; guid = 16711401006643563310
^5 = gv: (name: "_Znwm") ; guid = 16793709562209971782
^6 = flags: 8
^7 = blockcount: 0
