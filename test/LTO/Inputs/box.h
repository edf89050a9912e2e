struct Box {
  int v[4];
};
long measure(const Box *b, int n); // exported by libbox.so
long run(int n);                   // exported by libbox.so
