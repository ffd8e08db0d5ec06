# ruff: noqa: E501 - the msgids must be exactly allauth's, one per line to compare them with its own
"""allauth's texts in our own words.

allauth brings a Dutch translation that says "je" and uses words we do not use elsewhere
("Afmelden" for logging out). These are the allauth texts our account pages, messages and
form errors show; listing them here (with `gettext_noop`) keeps them in our catalogue
(`src/olievlek/locale`), which Django reads before allauth's own, so the Dutch is ours:
formal "u", plain B1 language, and the same words as the rest of the site.
"""

from django.utils.translation import gettext_noop as _

ALLAUTH_TEXTS = (
    _("This account is currently inactive."),
    _("You cannot remove your primary email address."),
    _("This email address is already associated with this account."),
    _("The email address and/or password you specified are not correct."),
    _("A user is already registered with this email address."),
    _("Please type your current password."),
    _("Incorrect code."),
    _("Incorrect password."),
    _("Invalid or expired key."),
    _("Invalid login."),
    _("The password reset token was invalid."),
    _("You cannot add more than %d email addresses."),
    _("Too many failed login attempts. Try again later."),
    _("The email address is not assigned to any user account."),
    _("Your primary email address must be verified."),
    _("Please select only one."),
    _("The new value must be different from the current one."),
    _("Be patient, you are sending too many requests."),
    _("Use your password"),
    _("Send me a sign-in code"),
    _("Use authenticator app or code"),
    _("Email"),
    _("Email address"),
    _("Forgot your password?"),
    _("You must type the same password each time."),
    _("Remember Me"),
    _("Password (again)"),
    _("Current Password"),
    _("New Password"),
    _("New Password (again)"),
    _("You cannot add an email address to an account protected by two-factor authentication."),
    _("You cannot deactivate two-factor authentication."),
    _("You cannot generate recovery codes without having two-factor authentication enabled."),
    _("You cannot activate two-factor authentication until you have verified your email address."),
    _("Recovery codes"),
    _("Authenticator code"),
    _("Account Inactive"),
    _("This account is inactive."),
    _("Confirm Access"),
    _("Please reauthenticate to safeguard your account."),
    _("Alternative options"),
    _("Sign In"),
    _("Password Reset"),
    _("Email Addresses"),
    _("The following email addresses are associated with your account:"),
    _("Verified"),
    _("Unverified"),
    _("Primary"),
    _("Make Primary"),
    _("Re-send Verification"),
    _("Add Email Address"),
    _("Add Email"),
    _("Do you really want to remove the selected email address?"),
    _("Email Address"),
    _("Current email"),
    _("Changing to"),
    _("Your email address is still pending verification."),
    _("Cancel Change"),
    _("Change to"),
    _("Change Email"),
    _("Confirm Email Address"),
    _(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for user %(user_display)s.'
    ),
    _("Unable to confirm %(email)s because it is already confirmed by a different account."),
    _(
        'This email confirmation link expired or is invalid. Please <a href="%(email_url)s">issue a new email confirmation request</a>.'
    ),
    _("If you have not created an account yet, then please %(link)ssign up%(end_link)s first."),
    _("Sign Out"),
    _("Are you sure you want to sign out?"),
    _("You cannot remove your primary email address (%(email)s)."),
    _("Confirmation email sent to %(email)s."),
    _("You have confirmed %(email)s."),
    _("Removed email address %(email)s."),
    _("Successfully signed in as %(name)s."),
    _("You have signed out."),
    _("Password successfully changed."),
    _("Password successfully set."),
    _("Primary email address set."),
    _("Change Password"),
    _(
        "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it."
    ),
    _("Reset My Password"),
    _("Please contact us if you have any trouble resetting your password."),
    _(
        "We have sent you an email. If you have not received it please check your spam folder. Otherwise contact us if you do not receive it in a few minutes."
    ),
    _("Bad Token"),
    _(
        'The password reset link was invalid, possibly because it has already been used.  Please request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    ),
    _("Your password is now changed."),
    _("Set Password"),
    _("Enter your password:"),
    _("You are already logged in as %(user_display)s."),
    _("Warning:"),
    _(
        "You currently do not have any email address set up. You should really add an email address so you can receive notifications, reset your password, etc."
    ),
    _("Verify Your Email Address"),
    _(
        "We have sent an email to you for verification. Follow the link provided to finalize the signup process. If you do not see the verification email in your main inbox, check your spam folder. Please contact us if you do not receive the verification email within a few minutes."
    ),
    _(
        "This part of the site requires us to verify that\nyou are who you claim to be. For this purpose, we require that you\nverify ownership of your email address. "
    ),
    _(
        "We have sent an email to you for\nverification. Please click on the link inside that email. If you do not see the verification email in your main inbox, check your spam folder. Otherwise\ncontact us if you do not receive it within a few minutes."
    ),
    _(
        '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email address</a>.'
    ),
    _("Two-Factor Authentication"),
    _(
        "Your account is protected by two-factor authentication. Please enter an authenticator code:"
    ),
    _("Authenticator App"),
    _("Authentication using an authenticator app is active."),
    _("An authenticator app is not active."),
    _("Deactivate"),
    _("Activate"),
    _("Recovery Codes"),
    _("No recovery codes set up."),
    _("Generate"),
    _("A new set of recovery codes has been generated."),
    _("Save them  in a secure location now — they won't be shown again."),
    _("Enter an authenticator code:"),
    _("You are about to generate a new set of recovery codes for your account."),
    _("This action will invalidate your existing codes."),
    _("Are you sure?"),
    _("Unused codes"),
    _("Download codes"),
    _("Generate new codes"),
    _("I have saved my recovery codes"),
    _("Activate Authenticator App"),
    _(
        "To protect your account with two-factor authentication, scan the QR code below with your authenticator app. Then, input the verification code generated by the app below."
    ),
    _("Authenticator secret"),
    _("You can store this secret and use it to reinstall your authenticator app at a later time."),
    _("Deactivate Authenticator App"),
    _("You are about to deactivate authenticator app based authentication. Are you sure?"),
)


def _django_texts() -> None:
    """Never called; makemessages reads the msgids. Django 5.2 asks for the short-password
    message with `%d`, while its Dutch catalogue still has the older `%(min_length)d`
    msgid, so without this the message would show in English."""
    from django.utils.translation import ngettext

    ngettext(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        0,
    )
