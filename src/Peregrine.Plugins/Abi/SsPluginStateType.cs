namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_state_type</c>: the type of a state-table key or field.</summary>
public enum SsPluginStateType
{
    /// <summary><c>SS_PLUGIN_ST_INT8</c>.</summary>
    Int8 = 1,

    /// <summary><c>SS_PLUGIN_ST_INT16</c>.</summary>
    Int16 = 2,

    /// <summary><c>SS_PLUGIN_ST_INT32</c>.</summary>
    Int32 = 3,

    /// <summary><c>SS_PLUGIN_ST_INT64</c>.</summary>
    Int64 = 4,

    /// <summary><c>SS_PLUGIN_ST_UINT8</c>.</summary>
    UInt8 = 5,

    /// <summary><c>SS_PLUGIN_ST_UINT16</c>.</summary>
    UInt16 = 6,

    /// <summary><c>SS_PLUGIN_ST_UINT32</c>.</summary>
    UInt32 = 7,

    /// <summary><c>SS_PLUGIN_ST_UINT64</c>.</summary>
    UInt64 = 8,

    /// <summary><c>SS_PLUGIN_ST_STRING</c>.</summary>
    String = 9,

    /// <summary><c>SS_PLUGIN_ST_TABLE</c> (API 3.5+): a subtable.</summary>
    Table = 10,

    /// <summary><c>SS_PLUGIN_ST_BOOL</c>.</summary>
    Bool = 25,
}
