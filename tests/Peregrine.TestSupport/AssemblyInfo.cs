namespace Peregrine.TestSupport;
