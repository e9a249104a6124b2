#include "core/preload.h"

#include "core/engines/profile.h"
#include "core/hardware/gpudatabase.h"
#include "core/methods.h"
#include "core/schema.h"

namespace quantcfg {

std::future<void> preloadBuiltInData()
{
    return std::async(std::launch::async, [] {
        // In the order the studio's window asks for them: the GPU table (the session), the schema
        // and the method catalogue (the form), then the profiles (the engine panes), which are
        // most of the time and load on two threads. The window builds its other parts meanwhile.
        gpuDatabase();
        Schema::unifiedConfig();
        MethodCatalogue::builtIn(); // the form's method list shows each method's description
        ProfileRegistry::builtIn();
    });
}

} // namespace quantcfg
