#line 5 "café.cpp"
long f() {
  long *p = new long(1); long r = *p; delete p; return r;
}
