using MediatR;
using Greenlight.Kernel.Security;

namespace Greenlight.Modules.Access.Contracts;

/// <summary>
/// The names of objects of the work tree, for the Access module's pages (the share page names the object, its path and where a
/// grant is inherited from). The module that owns the work tree answers; the sender has checked the caller may view them.
/// An object without a name there is left out.
/// </summary>
public sealed record NameObjects(IReadOnlyList<ObjectRef> Objects) : IRequest<IReadOnlyDictionary<ObjectRef, string>>, IModuleRequest;
