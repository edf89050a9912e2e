// The header of strings-modules.cpp, a module that includes <string>.
#pragma once
#include <string>
#include <vector>
inline std::string joinv(const std::vector<std::string> &v) { std::string r; for (auto &s : v) { r += s; r += ','; } return r; }
