using System.Runtime.CompilerServices;

// Plugin ABI structs are blittable and unmanaged function pointers are called directly;
// nothing in this assembly relies on runtime marshalling.
[assembly: DisableRuntimeMarshalling]

namespace Peregrine.Plugins;
