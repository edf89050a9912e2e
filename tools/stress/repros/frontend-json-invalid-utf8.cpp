long f(int n) {
  char *p = new char[sizeof("café") + n];
  p[0] = 1; long r = p[0]; delete[] p; return r;
}
