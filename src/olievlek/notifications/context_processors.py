def unread(request):
    """The unread count in the menu: one indexed count, only for a logged-in person."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .selectors import unread_count

    return {"notifications_unread": unread_count(user=user)}
