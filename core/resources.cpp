#include "core/resources.h"

#include <algorithm>

namespace quantcfg::resources {

std::optional<std::string_view> find(std::string_view path)
{
    for (const Entry &e : detail::entries()) {
        if (e.path == path)
            return e.data;
    }
    return std::nullopt;
}

std::vector<Entry> list(std::string_view prefix)
{
    std::vector<Entry> out;
    for (const Entry &e : detail::entries()) {
        if (e.path.substr(0, prefix.size()) == prefix)
            out.push_back(e);
    }
    std::sort(out.begin(), out.end(), [](const Entry &a, const Entry &b) { return a.path < b.path; });
    return out;
}

} // namespace quantcfg::resources
