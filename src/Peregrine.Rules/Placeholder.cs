namespace Peregrine.Rules;
