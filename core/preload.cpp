#include "core/preload.h"

#include "core/engines/profile.h"
#include "core/hardware/gpudatabase.h"
#include "core/methods.h"
#include "core/schema.h"

namespace quantcfg {

std::future<void> preloadBuiltInData()
{
    return std::async(std::launch::async, [] {
        // The largest first: the profiles are most of the time (they load on two threads).
        ProfileRegistry::builtIn();
        Schema::unifiedConfig();
        gpuDatabase();
        MethodCatalogue::builtIn(); // the form's method list shows each method's description
    });
}

} // namespace quantcfg
