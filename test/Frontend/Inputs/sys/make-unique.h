// A library header found through -isystem (an installed library), whose
// inline functions allocate through std::make_unique / std::make_shared.
#include <memory>
inline std::unique_ptr<int> mk(int v) { return std::make_unique<int>(v); }
inline std::shared_ptr<int> mks(int v) { return std::make_shared<int>(v); }
template <class T> std::unique_ptr<T> mkt(T v) { return std::make_unique<T>(v); }
