// Sends the CSRF token with every htmx request, as Spring Security expects for forms.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// Copy buttons: <button data-copy-target="field-id"> copies that field's value and says so.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy-target]');
    if (!button) {
        return;
    }
    var field = document.getElementById(button.getAttribute('data-copy-target'));
    if (!field) {
        return;
    }
    field.focus();
    field.select();
    var copied = function () {
        var label = button.querySelector('[data-copy-label]');
        if (label) {
            label.textContent = 'Copied';
        }
        var status = document.querySelector('[data-copy-status]');
        if (status) {
            status.textContent = 'Copied to the clipboard.';
        }
    };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(copied, function () { /* stays selected for Ctrl+C */ });
    } else if (document.execCommand && document.execCommand('copy')) {
        copied();
    }
});

// Fields marked data-select-on-focus select their whole value, so one copy takes all of it.
document.addEventListener('focusin', function (event) {
    if (event.target.matches && event.target.matches('[data-select-on-focus]')) {
        event.target.select();
    }
});

// Handover pages: a link marked data-follow-on-load is followed at once (the link stays for anyone without script).
document.addEventListener('DOMContentLoaded', function () {
    var link = document.querySelector('a[data-follow-on-load]');
    if (link) {
        window.location.replace(link.href);
    }
});

// GET forms marked data-drop-empty leave out fields left empty ("any plan"), so the address a
// filtered list is bookmarked under lists only the filters in use. Also applies to htmx requests,
// which build their FormData from the form.
document.addEventListener('formdata', function (event) {
    if (!event.target.matches || !event.target.matches('form[data-drop-empty]')) {
        return;
    }
    Array.from(event.formData.keys()).forEach(function (name) {
        if (event.formData.getAll(name).every(function (value) { return value === ''; })) {
            event.formData.delete(name);
        }
    });
});
